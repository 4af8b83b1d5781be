import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A key reads `atr_<key id><firm id>_<secret>`: both ids as 32 hex digits, the secret 256 random bits
 * in base64url. The firm travels in the key so a request is checked inside its firm's scope (RLS),
 * with no table readable across firms; the ids are no secret, the secret is never stored.
 */
const keyPattern = /^atr_([0-9a-f]{32})([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

const hex = (uuid: string) => uuid.replaceAll("-", "");
const uuidOf = (h: string) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;

/** SHA-256 of a secret, hex. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new key for the firm: the full text (shown once), its recognisable prefix and the secret's hash. */
export function generateApiKey(firmId: string, keyId: string) {
  const secret = randomBytes(32).toString("base64url");
  const prefix = `atr_${hex(keyId).slice(0, 12)}`;
  return { text: `atr_${hex(keyId)}${hex(firmId)}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

/** The parts of a presented key, or null when it cannot be one of ours. */
export function parseApiKey(text: string): { keyId: string; firmId: string; secret: string } | null {
  const match = keyPattern.exec(text);
  if (!match) return null;
  const [, key = "", firm = "", secret = ""] = match;
  return { keyId: uuidOf(key), firmId: uuidOf(firm), secret };
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
