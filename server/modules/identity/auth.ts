import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { newId } from "../../platform/ids.js";
import { authAccounts, rateLimits, sessions, users, verifications } from "./identity.tables.js";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from "./password.js";
import { authRateLimitStorage } from "./rate-limits.js";

/** The session cookie's name: `__Host-` binds it to this exact origin over HTTPS (SEC-9). */
export const SESSION_COOKIE = "__Host-atrium_session";

/** How long a session lives, in seconds, and how often its expiry moves on with use. */
export const SESSION_EXPIRES_IN_S = 60 * 60 * 24 * 7;
export const SESSION_UPDATE_AGE_S = 60 * 60;

/** The header through which the app hands better-auth the client IP it determined itself. */
export const CLIENT_IP_HEADER = "x-atrium-client-ip";

interface AuthOptions {
  db: NodePgDatabase;
  secret: string;
  publicUrl: string;
  /** Silences the library's own console lines (the test suite); Atrium's log and audit keep what matters. */
  quiet?: boolean;
}

/** The pg pool under a Drizzle database (drizzle() keeps it as `$client`; the exported type omits it). */
function poolOf(db: NodePgDatabase): Pick<pg.Pool, "query"> {
  return (db as NodePgDatabase & { $client: pg.Pool }).$client;
}

/** Builds the better-auth instance: email + password, argon2id, Atrium's tables and cookie rules. */
export function createAuth({ db, secret, publicUrl, quiet = false }: AuthOptions) {
  const secureAttributes = { secure: true, httpOnly: true, sameSite: "lax" as const, path: "/" };
  return betterAuth({
    appName: "Atrium",
    baseURL: publicUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [publicUrl],
    telemetry: { enabled: false },
    logger: { disabled: quiet },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: authAccounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    user: {
      additionalFields: { language: { type: "string", required: false, defaultValue: "de", input: false } },
    },
    emailAndPassword: {
      enabled: true,
      // Accounts come from the first-run setup and from invitations, never from open sign-up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    session: { expiresIn: SESSION_EXPIRES_IN_S, updateAge: SESSION_UPDATE_AGE_S },
    // Counted in the database (shared by every server process) through Atrium's own counter, whose
    // windows better-auth's storage would otherwise prune (see authRateLimitStorage).
    rateLimit: {
      enabled: true,
      storage: "database",
      customStorage: authRateLimitStorage(poolOf(db)),
      window: 60,
      max: 100,
    },
    advanced: {
      // Names are set explicitly with the __Host- prefix, so the automatic __Secure- prefix stays off.
      useSecureCookies: false,
      cookies: {
        session_token: { name: SESSION_COOKIE, attributes: secureAttributes },
        session_data: { name: "__Host-atrium_session_data", attributes: secureAttributes },
        dont_remember: { name: "__Host-atrium_dont_remember", attributes: secureAttributes },
      },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => newId() },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
