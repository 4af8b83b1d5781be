import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Language } from "../../../contracts/common.js";
import {
  type Auth,
  CLIENT_IP_HEADER,
  SESSION_COOKIE,
  SESSION_EXPIRES_IN_S,
  SESSION_UPDATE_AGE_S,
} from "./auth.js";

/** The signed-in account as the rest of the server sees it. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  language: Language;
}

/** The request's headers as Fetch Headers for better-auth, with the client IP Atrium determined. */
export function toFetchHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === CLIENT_IP_HEADER) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

/** Copies better-auth's Set-Cookie headers onto the reply. */
export function forwardCookies(from: Headers, reply: FastifyReply): void {
  const cookies = from.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
}

/**
 * Reads the session cookie through better-auth and returns its account, or null (no cookie, expired or
 * revoked session). Forwards the cookie better-auth sets when it extends the session.
 */
export async function readSignedInUser(
  auth: Auth,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SignedInUser | null> {
  if (!request.headers.cookie) return null;
  const { headers, response } = await auth.api.getSession({
    headers: toFetchHeaders(request),
    returnHeaders: true,
  });
  forwardCookies(headers, reply);
  return response ? toSignedInUser(response.user) : null;
}

const secrets = new WeakMap<Auth, Promise<string>>();

/** The signing secret of this better-auth instance, read once. */
function secretOf(auth: Auth): Promise<string> {
  let secret = secrets.get(auth);
  if (!secret) {
    secret = auth.$context.then((context) => context.secret);
    secrets.set(auth, secret);
  }
  return secret;
}

/** One cookie's raw value from a Cookie header, or null. */
function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The session token from the session cookie when its signature is right (better-auth signs it as
 * `token.base64(HMAC-SHA256(token))`), else null: the same check better-auth makes before any lookup.
 */
export async function readSessionToken(auth: Auth, cookieHeader: string | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const raw = cookieValue(cookieHeader, SESSION_COOKIE);
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), "base64");
  const expected = createHmac("sha256", await secretOf(auth))
    .update(token)
    .digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

/**
 * Whether a session found by token must go through better-auth after all: it has expired (better-auth
 * deletes it and the cookie) or is due to be extended (better-auth updates it and sets the cookie).
 */
export function sessionNeedsBetterAuth(expiresAt: Date, now = Date.now()): boolean {
  if (expiresAt.getTime() <= now) return true;
  return expiresAt.getTime() - SESSION_EXPIRES_IN_S * 1000 + SESSION_UPDATE_AGE_S * 1000 <= now;
}

/** Narrows better-auth's user record to what Atrium uses. */
export function toSignedInUser(user: {
  id: string;
  name: string;
  email: string;
  language?: unknown;
}): SignedInUser {
  return { id: user.id, name: user.name, email: user.email, language: (user.language ?? "de") as Language };
}
