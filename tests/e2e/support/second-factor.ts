import { expect } from "vitest";
import type { secondFactorPolicies } from "../../../contracts/settings";
import { totpCode, totpStep } from "../../../server/platform/totp";
import type { Journey } from "./journey";

/**
 * Sets the firm's second-factor policy for portal accounts (FIRM-3) through the staff API, with the
 * journey's signed-in administrator: "none" lets a registration go from the phone step to the portal.
 */
export async function setSecondFactorPolicy(
  j: Journey,
  policy: (typeof secondFactorPolicies)[number],
): Promise<void> {
  const res = await j.request.patch(`${j.baseUrl}/api/firm/policies`, {
    data: { secondFactor: policy },
    headers: { "x-atrium-csrf": "1" },
  });
  expect(res.status(), `PATCH /api/firm/policies: ${await res.text()}`).toBe(200);
}

/**
 * The code an authenticator app shows for `secret` (RFC 6238, as server/platform/totp.ts computes it),
 * `ahead` steps after the current one: a code works once, so a sign-in right after confirming the app
 * uses the next step's code (the server accepts one step either side of now).
 */
export function appCode(secret: string, ahead = 0): string {
  return totpCode(secret.replace(/\s+/g, ""), totpStep(new Date()) + ahead);
}
