import { hash, verify } from "@node-rs/argon2";
import { invalidField } from "../../platform/errors.js";

/** argon2id parameters (SEC-1): at least the OWASP minimum of 19 MiB and 2 passes. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** Hashes a password exactly as typed (no trimming, no normalisation) with argon2id. */
export function hashPassword(password: string): Promise<string> {
  // algorithm 2 is Argon2id (a const enum in the typings, so spelled as its value).
  return hash(password, { ...ARGON2_PARAMS, algorithm: 2 });
}

/** Checks a password against a stored argon2 hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let commonPasswords: Set<string> | undefined;

async function loadCommonPasswords(): Promise<Set<string>> {
  if (!commonPasswords) {
    const { dictionary } = await import("@zxcvbn-ts/language-common");
    commonPasswords = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  }
  return commonPasswords;
}

/**
 * The password policy (SEC-2): at least 8 characters, long passphrases allowed, none of the ~50,000
 * most common passwords, not the email address. Returns a message key, or null when acceptable.
 */
export async function passwordProblem(password: string, email?: string): Promise<string | null> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "field.password_short";
  if (length > PASSWORD_MAX) return "field.password_long";
  if ((await loadCommonPasswords()).has(password.toLowerCase())) return "field.password_common";
  if (email && password.toLowerCase().includes(email.toLowerCase())) return "field.password_email";
  return null;
}

/** Throws an `invalid` error naming `field` when the password breaks the policy. */
export async function assertPasswordAcceptable(password: string, email: string | undefined, field: string) {
  const problem = await passwordProblem(password, email);
  if (problem) throw invalidField(field, problem);
}
