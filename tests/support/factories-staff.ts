import { expect } from "vitest";
import type { StaffRole } from "../../contracts/common.js";
import { createFirm, createStaff } from "./factories.js";
import { TestClient } from "./http.js";
import type { TestApp } from "./test-app.js";

/** A client signed in with email and password (fails the test when sign-in does). */
export async function signedInClient(t: TestApp, email: string, password: string, language = "en") {
  const client = new TestClient(t.app, language);
  const res = await client.post("/api/session", { email, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return client;
}

/** A firm with one signed-in member per requested role (admin first). */
export async function firmWithTeam(t: TestApp, roles: StaffRole[] = ["admin", "advisor", "assistant"]) {
  const firm = await createFirm(t.deps);
  const members = [];
  for (const role of roles) {
    const staff = await createStaff(t.deps, firm.firmId, { role, name: `${role} of ${firm.name}` });
    members.push({ ...staff, role, client: await signedInClient(t, staff.email, staff.password) });
  }
  return { ...firm, members };
}

/**
 * The raw token of the newest invitation mail sent to `email`, read from the mail as delivered to the
 * SMTP sink (the outbox holds it only sealed).
 */
export async function latestInvitationToken(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.deps.database.owner.query<{ id: string }>(
    "select id from mail_outbox where to_address = $1 and template = 'staff-invitation' order by created_at desc, id desc limit 1",
    [email],
  );
  const outboxId = rows[0]?.id;
  if (!outboxId) throw new Error(`no invitation mail queued for ${email}`);
  const [mail] = await t.sink.waitFor((m) => m.outboxId === outboxId, { timeoutMs: 20_000 });
  const token = mail?.text.match(/\/invite\/staff#token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`the invitation mail to ${email} carries no token`);
  return token;
}

/** The item at `index`, failing loudly when the list is shorter (instead of a non-null assertion). */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`expected an item at index ${index}`);
  return item;
}
