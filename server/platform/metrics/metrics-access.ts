import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** Whether a socket peer address is this machine (127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4.startsWith("127.") || address === "::1";
}

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket says. */
const forwardingHeaders = ["x-forwarded-for", "forwarded", "x-real-ip"] as const;

/** What the metrics endpoint decides about one request. */
export type MetricsAccess = "allowed" | "unauthorized" | "hidden";

/**
 * Who may read the metrics. With a token configured: only a request bearing it (401 otherwise).
 * Without: only a client on this machine, and not through a reverse proxy on it (which would make
 * every visitor look local); anyone else is told the page does not exist.
 */
export function decideMetricsAccess(
  token: string | undefined,
  request: { headers: IncomingHttpHeaders; socketAddress: string | undefined },
): MetricsAccess {
  if (token) {
    const header = request.headers.authorization ?? "";
    const presented = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    return presented && sameSecret(presented, token) ? "allowed" : "unauthorized";
  }
  if (forwardingHeaders.some((name) => request.headers[name] !== undefined)) return "hidden";
  return isLoopbackAddress(request.socketAddress) ? "allowed" : "hidden";
}

/** Compares in constant time (over digests, so the lengths do not leak either). */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
