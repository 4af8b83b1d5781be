import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiKey, ApiKeyList } from "../../../contracts/api-keys.js";
import { type BatchBody, createKey, syncClient } from "../../../tests/support/api-keys-world.js";
import { firmWithTeam, nth } from "../../../tests/support/factories-staff.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { countHit } from "../identity/rate-limits.js";
import { API_KEY_RATE_LIMIT } from "./api-key-scope.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string }> } };
}

describe("firm API keys (API-1)", () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof firmWithTeam>>;
  const admin = () => nth(team.members, 0).client;
  const advisor = () => nth(team.members, 1).client;
  beforeAll(async () => {
    t = await startTestApp();
    team = await firmWithTeam(t, ["admin", "advisor"]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("SEC-5 shows the secret once and stores only its hash", async () => {
    const created = await createKey(admin(), ["read", "write"], "ERP");
    expect(created.secret).toMatch(/^atr_[0-9a-f]{64}_[A-Za-z0-9_-]{43}$/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    expect(created.scopes).toEqual(["read", "write"]);
    const secretPart = created.secret.split("_").at(-1) as string;
    // The database (every column of every row) holds no part of the secret.
    const dump = await t.deps.database.owner.query<{ row: string }>(
      "select api_keys::text as row from api_keys",
    );
    for (const { row } of dump.rows) expect(row).not.toContain(secretPart);
    const audit = await t.deps.database.owner.query<{ row: string }>(
      "select audit_events::text as row from audit_events",
    );
    for (const { row } of audit.rows) expect(row).not.toContain(secretPart);

    const list = await admin().get<ApiKeyList>("/api/settings/api-keys");
    const listed = list.body.items.find((k) => k.id === created.id) as ApiKey & { secret?: string };
    expect(listed).toMatchObject({ name: "ERP", prefix: created.prefix, lastUsedAt: null, revokedAt: null });
    expect(listed.createdBy.name).toBe(nth(team.members, 0).name);
    expect(listed.secret).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(secretPart);
  });

  it("records the last use of a key", async () => {
    const created = await createKey(admin(), ["read"]);
    const res = await syncClient(t.app, created.secret).get("/api/sync/v1/client-files");
    expect(res.status).toBe(200);
    const list = await admin().get<ApiKeyList>("/api/settings/api-keys");
    expect(list.body.items.find((k) => k.id === created.id)?.lastUsedAt).not.toBeNull();
  });

  it("refuses a revoked key at once with 401, and revoking is audited", async () => {
    const created = await createKey(admin(), ["read"]);
    const sync = syncClient(t.app, created.secret);
    expect((await sync.get("/api/sync/v1/client-files")).status).toBe(200);
    const revoked = await admin().post<ApiKey>(`/api/settings/api-keys/${created.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await sync.get<ErrorBody>("/api/sync/v1/client-files");
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("unauthorized");
    expect(refused.body.error.message).toContain("API key");
    const rows = await t.deps.database.owner.query<{ action: string; actor_kind: string }>(
      "select action, actor_kind from audit_events where entity_id = $1 order by at",
      [created.id],
    );
    // Both at one fake-clock instant: their order within it is not defined, their set is.
    expect(rows.rows.map((r) => r.action).sort()).toEqual(["api_key.create", "api_key.revoke"]);
    expect(rows.rows.every((r) => r.actor_kind === "staff")).toBe(true);
  });

  it("answers one clear 401 for a missing, malformed, unknown or forged key", async () => {
    const real = await createKey(admin(), ["read"]);
    const forged = `${real.secret.slice(0, -4)}AAAA`;
    const unknownFirm = real.secret.replace(/^(atr_[0-9a-f]{32})[0-9a-f]{32}/, `$1${"0".repeat(32)}`);
    const messages = new Set<string>();
    for (const key of ["", "atr_nonsense", forged, unknownFirm]) {
      const res = await syncClient(t.app, key).get<ErrorBody>("/api/sync/v1/contracts");
      expect(res.status, key).toBe(401);
      messages.add(res.body.error.message);
    }
    // A session cookie never stands in for a key.
    const withCookie = await admin().get<ErrorBody>("/api/sync/v1/contracts");
    expect(withCookie.status).toBe(401);
    messages.add(withCookie.body.error.message);
    expect(messages.size).toBe(1);
  });

  it("answers 403 naming the scope a key lacks", async () => {
    const readOnly = await createKey(admin(), ["read"]);
    const res = await syncClient(t.app, readOnly.secret).put<ErrorBody>("/api/sync/v1/client-files", {
      items: [{ externalId: "X-1", displayName: "Nobody" }],
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("“write”");
    const writeOnly = await createKey(admin(), ["write"]);
    const read = await syncClient(t.app, writeOnly.secret).get<ErrorBody>("/api/sync/v1/client-files");
    expect(read.status).toBe(403);
    expect(read.body.error.message).toContain("“read”");
    const count = await t.deps.database.owner.query("select 1 from client_files where external_id = 'X-1'");
    expect(count.rowCount).toBe(0);
  });

  it("SEC-13 staff who are not administrators can neither create, list nor revoke keys", async () => {
    const created = await createKey(admin(), ["read"]);
    const create = await advisor().post<ErrorBody>("/api/settings/api-keys", {
      name: "Mine",
      scopes: ["read"],
    });
    expect(create.status).toBe(403);
    expect((await advisor().get("/api/settings/api-keys")).status).toBe(403);
    const revoke = await advisor().post(`/api/settings/api-keys/${created.id}/revoke`);
    expect(revoke.status).toBe(403);
    const still = await syncClient(t.app, created.secret).get("/api/sync/v1/persons");
    expect(still.status).toBe(200);
  });

  it("SEC-14 names the wrong field of a bad key request", async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: "", scopes: ["read"] }, "name"],
      [{ name: "A", scopes: [] }, "scopes"],
      [{ name: "A", scopes: ["admin"] }, "scopes.0"],
      [{ name: "A", scopes: ["read", "read"] }, "scopes"],
      [{ name: "A", scopes: ["read"], extra: 1 }, "extra"],
    ];
    for (const [body, field] of cases) {
      const res = await admin().post<ErrorBody>("/api/settings/api-keys", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details?.fields?.map((f) => f.field)).toContain(field);
    }
    const other = await firmWithTeam(t, ["admin"]);
    const created = await createKey(admin(), ["read"]);
    // Another firm's key id answers 404, never 403.
    const foreign = await nth(other.members, 0).client.post<ErrorBody>(
      `/api/settings/api-keys/${created.id}/revoke`,
    );
    expect(foreign.status).toBe(404);
  });

  it("SEC-17 limits requests per key in the database and answers 429 with Retry-After", async () => {
    const created = await createKey(admin(), ["read"]);
    const other = await createKey(admin(), ["read"]);
    const sync = syncClient(t.app, created.secret);
    const keyHex = created.secret.slice(4, 36);
    // Most of the window is spent directly in the shared counter; the last requests go through HTTP.
    const keyId = `${keyHex.slice(0, 8)}-${keyHex.slice(8, 12)}-${keyHex.slice(12, 16)}-${keyHex.slice(16, 20)}-${keyHex.slice(20)}`;
    for (let i = 0; i < API_KEY_RATE_LIMIT.max - 2; i++) {
      await countHit(t.deps.database.app, API_KEY_RATE_LIMIT, keyId, t.clock.now());
    }
    expect((await sync.get("/api/sync/v1/claims")).status).toBe(200);
    expect((await sync.get("/api/sync/v1/claims")).status).toBe(200);
    const limited = await sync.get<ErrorBody>("/api/sync/v1/claims");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Another key of the same firm is counted apart.
    expect((await syncClient(t.app, other.secret).get("/api/sync/v1/claims")).status).toBe(200);
    t.clock.advance(API_KEY_RATE_LIMIT.windowMs + 1000);
    expect((await sync.get<BatchBody>("/api/sync/v1/claims")).status).toBe(200);
  });
});
