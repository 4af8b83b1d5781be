import { createHmac, timingSafeEqual } from "node:crypto";
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { AppDeps } from "../../deps.js";

// Atrium as a WebAuthn relying party (PORTAL-1, passkeys). No challenge is stored for a passkey: a
// registration's challenge carries its own issue time and a MAC over the account and that time; a
// sign-in's challenge is a MAC over its sign-in challenge's id, so it lives, dies and is used up with
// that row (ADR 0011). Times are read from the app clock only.

type RelyingPartyDeps = Pick<AppDeps, "config" | "secondFactorKey">;

/** How long a passkey registration may take between its options and the authenticator's answer. */
export const REGISTRATION_MINUTES = 5;

/** The relying party: its id is the host of the configured public URL, its origin that URL's origin. */
export function relyingParty(deps: RelyingPartyDeps): { id: string; origin: string; name: string } {
  const url = new URL(deps.config.publicUrl);
  return { id: url.hostname, origin: url.origin, name: "Atrium" };
}

const mac = (deps: RelyingPartyDeps, text: string) =>
  createHmac("sha256", deps.secondFactorKey).update(text).digest();

/** The challenge of a registration issued to `userId` at `issuedAt` (8 bytes of time, then the MAC). */
function registrationChallenge(deps: RelyingPartyDeps, userId: string, issuedAt: number): Buffer {
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(issuedAt));
  return Buffer.concat([time, mac(deps, `passkey-registration:${userId}:${issuedAt}`)]);
}

/** Whether `challenge` (base64url, as the browser echoed it) is this account's and not older than allowed. */
function isOwnRegistrationChallenge(deps: RelyingPartyDeps, userId: string, now: Date, challenge: string) {
  const raw = Buffer.from(challenge, "base64url");
  if (raw.length !== 40) return false;
  const issuedAt = Number(raw.readBigUInt64BE(0));
  const age = now.getTime() - issuedAt;
  if (age < 0 || age > REGISTRATION_MINUTES * 60_000) return false;
  return timingSafeEqual(raw, registrationChallenge(deps, userId, issuedAt));
}

/** The challenge a passkey signs to complete the sign-in challenge `signInChallengeId`. */
export function signInPasskeyChallenge(deps: RelyingPartyDeps, signInChallengeId: string): Buffer {
  return mac(deps, `passkey-sign-in:${signInChallengeId}`);
}

/** One stored passkey, as the verification needs it. */
export interface StoredPasskey {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
}

/** Options for the browser's WebAuthn call, as JSON (passed on to it unchanged). */
export type WebAuthnOptions = { challenge: string } & Record<string, unknown>;
const webAuthnOptions = (
  options: Promise<PublicKeyCredentialCreationOptionsJSON | PublicKeyCredentialRequestOptionsJSON>,
) => options as Promise<unknown> as Promise<WebAuthnOptions>;

type Transports = NonNullable<
  Parameters<typeof generateAuthenticationOptions>[0]["allowCredentials"]
>[number]["transports"];

/** The options the browser passes to `navigator.credentials.create` to add a passkey to the account. */
export function passkeyRegistrationOptions(
  deps: RelyingPartyDeps,
  account: { id: string; email: string; name: string },
  existing: readonly StoredPasskey[],
  now: Date,
): Promise<WebAuthnOptions> {
  const rp = relyingParty(deps);
  return webAuthnOptions(
    generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: account.email,
      userDisplayName: account.name,
      userID: new TextEncoder().encode(account.id),
      challenge: new Uint8Array(registrationChallenge(deps, account.id, now.getTime())),
      timeout: REGISTRATION_MINUTES * 60_000,
      attestationType: "none",
      excludeCredentials: existing.map((p) => ({
        id: p.credentialId,
        transports: p.transports as Transports,
      })),
      authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    }),
  );
}

/** Checks the authenticator's answer to a registration; answers the new credential, or null when refused. */
export async function verifyPasskeyRegistration(
  deps: RelyingPartyDeps,
  userId: string,
  response: RegistrationResponseJSON,
  now: Date,
) {
  const rp = relyingParty(deps);
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) => isOwnRegistrationChallenge(deps, userId, now, challenge),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!result.verified) return null;
    const { credential, credentialBackedUp } = result.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: (credential.transports ?? []) as string[],
      backedUp: credentialBackedUp,
    };
  } catch {
    // A malformed or foreign answer is a refusal like any other (the caller names the field).
    return null;
  }
}

/** The options the browser passes to `navigator.credentials.get` for this sign-in's passkeys. */
export function passkeySignInOptions(
  deps: RelyingPartyDeps,
  signInChallengeId: string,
  allowed: readonly StoredPasskey[],
  timeoutMs: number,
): Promise<WebAuthnOptions> {
  return webAuthnOptions(
    generateAuthenticationOptions({
      rpID: relyingParty(deps).id,
      challenge: new Uint8Array(signInPasskeyChallenge(deps, signInChallengeId)),
      timeout: timeoutMs,
      allowCredentials: allowed.map((p) => ({ id: p.credentialId, transports: p.transports as Transports })),
      userVerification: "preferred",
    }),
  );
}

/**
 * Checks a passkey's signature for the sign-in challenge `signInChallengeId`: the right challenge,
 * origin and relying party, the stored public key, and a signature counter that grew (unless the
 * authenticator keeps none). Answers the new counter, or null when refused.
 */
export async function verifyPasskeySignIn(
  deps: RelyingPartyDeps,
  signInChallengeId: string,
  passkey: StoredPasskey,
  response: AuthenticationResponseJSON,
): Promise<number | null> {
  const rp = relyingParty(deps);
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: signInPasskeyChallenge(deps, signInChallengeId).toString("base64url"),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")),
        counter: passkey.counter,
        transports: passkey.transports as Transports,
      },
      requireUserVerification: false,
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}

export type { AuthenticationResponseJSON, RegistrationResponseJSON };
