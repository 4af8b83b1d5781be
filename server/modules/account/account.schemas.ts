import { z } from "zod";

// The API's shapes of the account's own sessions (PORTAL-1, SEC-9). They belong in contracts/ once
// that folder is open to this feature; the web mirrors them in web/account/account-api.ts.

/** One of the signed-in account's sessions. Never carries the session token. */
export const accountSessionSchema = z.object({
  /** An opaque id, good only for ending this session through this API. */
  id: z.string(),
  createdAt: z.iso.datetime(),
  /** When the session was last extended or changed. */
  updatedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  ipAddress: z.string().nullable(),
  /** The browser and system in words ("Chrome on Android"), in the request's language. */
  userAgent: z.string().nullable(),
  /** The session this very request came with. */
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;

/** GET /api/account/sessions — the current session first, then the most recently used. */
export const accountSessionListSchema = z.object({ sessions: z.array(accountSessionSchema) });
export type AccountSessionList = z.infer<typeof accountSessionListSchema>;

/** DELETE /api/account/sessions/:id */
export const accountSessionParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** POST /api/account/sessions/sign-out-everywhere — the current session stays unless included. */
export const signOutEverywhereSchema = z.object({ includeCurrent: z.boolean().optional() });
export type SignOutEverywhere = z.infer<typeof signOutEverywhereSchema>;

/** How many sessions a sign-out everywhere ended. */
export const signedOutEverywhereSchema = z.object({ ended: z.number().int().nonnegative() });
export type SignedOutEverywhere = z.infer<typeof signedOutEverywhereSchema>;
