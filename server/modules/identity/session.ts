import type { FastifyReply, FastifyRequest } from "fastify";
import type { Language } from "../../../contracts/common.js";
import { type Auth, CLIENT_IP_HEADER } from "./auth.js";

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

/** Reads the session cookie and returns its account, or null (no cookie, expired or revoked session). */
export async function readSignedInUser(auth: Auth, request: FastifyRequest): Promise<SignedInUser | null> {
  if (!request.headers.cookie) return null;
  const found = await auth.api.getSession({ headers: toFetchHeaders(request) });
  if (!found) return null;
  return toSignedInUser(found.user);
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
