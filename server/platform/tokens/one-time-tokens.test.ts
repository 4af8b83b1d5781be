import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirm } from "../../../tests/support/factories.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm, inScope } from "../db/scope.js";
import { newId } from "../ids.js";
import {
  consumeToken,
  enterTokenScope,
  hashToken,
  issueToken,
  peekToken,
  voidTokens,
} from "./one-time-tokens.js";

const minute = 60_000;

describe("one-time tokens", () => {
  let t: TestApp;
  let firmId: string;
  let otherFirmId: string;
  beforeAll(async () => {
    t = await startTestApp();
    firmId = (await createFirm(t.deps)).firmId;
    otherFirmId = (await createFirm(t.deps)).firmId;
  });
  afterAll(() => t?.close());

  async function issue(subjectId = newId(), lifetimeMs = 60 * minute, inFirmId = firmId) {
    const now = t.clock.now();
    const raw = await inFirm(t.deps.database, inFirmId, (tx) =>
      issueToken(tx, {
        purpose: "staff_invitation",
        subjectId,
        expiresAt: new Date(now.getTime() + lifetimeMs),
        now,
      }),
    );
    return { raw, subjectId };
  }

  const consume = (raw: string, now = t.clock.now()) =>
    inScope(t.deps.database, {}, async (tx) => {
      const used = await consumeToken(tx, "staff_invitation", raw, now);
      return used ? { id: used.token.id, firmId: used.tx.scope.firmId } : null;
    });

  it("SEC-5 tokens come from 32 random bytes and only their SHA-256 is stored (no raw token in the table)", async () => {
    const { raw, subjectId } = await issue();
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(raw, "base64url")).toHaveLength(32);
    const { rows } = await t.deps.database.owner.query(
      "select * from one_time_tokens where subject_id = $1",
      [subjectId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(hashToken(raw));
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify((await t.deps.database.owner.query("select * from one_time_tokens")).rows);
    expect(dump).not.toContain(raw);
    const second = await issue();
    expect(second.raw).not.toBe(raw);
  });

  it("SEC-6 peeking finds a live token without a firm and consumes nothing", async () => {
    const { raw, subjectId } = await issue();
    for (let i = 0; i < 3; i++) {
      const seen = await peekToken(t.deps.database, "staff_invitation", raw, t.clock.now());
      expect(seen?.subjectId).toBe(subjectId);
      expect(seen?.firmId).toBe(firmId);
      expect(seen?.consumedAt).toBeNull();
    }
    expect(await consume(raw)).toMatchObject({ firmId });
  });

  it("answers null for unknown, malformed and wrong-purpose tokens", async () => {
    const { raw } = await issue();
    const now = t.clock.now();
    expect(await peekToken(t.deps.database, "staff_invitation", "x".repeat(43), now)).toBeNull();
    expect(await peekToken(t.deps.database, "staff_invitation", "not a token", now)).toBeNull();
    expect(await peekToken(t.deps.database, "password_reset", raw, now)).toBeNull();
    expect(
      await inScope(t.deps.database, {}, (tx) => consumeToken(tx, "client_invitation", raw, now)),
    ).toBeNull();
  });

  it("SEC-5 a token is single use: 20 parallel uses of one token, exactly 1 succeeds", async () => {
    const { raw } = await issue();
    const results = await Promise.all(Array.from({ length: 20 }, () => consume(raw)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await consume(raw)).toBeNull();
    expect(await peekToken(t.deps.database, "staff_invitation", raw, t.clock.now())).toBeNull();
  });

  it("SEC-5 expiry is exact to the second on a fake clock", async () => {
    const { raw } = await issue(newId(), 10 * minute);
    const issuedAt = t.clock.now().getTime();
    const expiresAt = issuedAt + 10 * minute;
    const at = (ms: number) => new Date(ms);
    expect(await peekToken(t.deps.database, "staff_invitation", raw, at(expiresAt - 1000))).not.toBeNull();
    expect(await peekToken(t.deps.database, "staff_invitation", raw, at(expiresAt))).toBeNull();
    expect(await consume(raw, at(expiresAt))).toBeNull();
    expect(await consume(raw, at(expiresAt + 1000))).toBeNull();
    // Not consumed by the refused attempts: one second before expiry it still works, once.
    expect(await consume(raw, at(expiresAt - 1000))).not.toBeNull();
    expect(await consume(raw, at(expiresAt - 1000))).toBeNull();
  });

  it("SEC-5 a new token for the same subject voids the older one", async () => {
    const subjectId = newId();
    const first = await issue(subjectId);
    const second = await issue(subjectId);
    const now = t.clock.now();
    expect(await peekToken(t.deps.database, "staff_invitation", first.raw, now)).toBeNull();
    expect(await peekToken(t.deps.database, "staff_invitation", second.raw, now)).not.toBeNull();
    expect(await consume(first.raw)).toBeNull();
    expect(await consume(second.raw)).not.toBeNull();
  });

  it("SEC-5 voiding (revoke) ends every live token of the subject", async () => {
    const { raw, subjectId } = await issue();
    await inFirm(t.deps.database, firmId, (tx) =>
      voidTokens(tx, "staff_invitation", subjectId, t.clock.now()),
    );
    expect(await peekToken(t.deps.database, "staff_invitation", raw, t.clock.now())).toBeNull();
    expect(await consume(raw)).toBeNull();
  });

  it("voiding in one firm leaves another firm's tokens for the same subject id alone", async () => {
    const subjectId = newId();
    const theirs = await issue(subjectId, 60 * minute, otherFirmId);
    await inFirm(t.deps.database, firmId, (tx) =>
      voidTokens(tx, "staff_invitation", subjectId, t.clock.now()),
    );
    expect(await peekToken(t.deps.database, "staff_invitation", theirs.raw, t.clock.now())).not.toBeNull();
  });

  it("a firm scope neither sees nor enters another firm's token", async () => {
    const { raw } = await issue(newId(), 60 * minute, otherFirmId);
    const found = await inFirm(t.deps.database, firmId, (tx) =>
      enterTokenScope(tx, "staff_invitation", raw, t.clock.now()),
    );
    expect(found).toBeNull();
  });

  it("without the token's hash, no token row is visible to the app role", async () => {
    await issue();
    const rows = await inScope(t.deps.database, {}, async (tx) => {
      const { rows } = await tx.client.query("select count(*)::int as n from one_time_tokens");
      return rows[0].n as number;
    });
    expect(rows).toBe(0);
  });
});
