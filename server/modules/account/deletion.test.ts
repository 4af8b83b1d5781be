import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalMe } from "../../../contracts/portal.js";
import type { ErrorBody } from "../../../tests/support/documents-world.js";
import { insertGrantee } from "../../../tests/support/factories-grants.js";
import { type OwnDataWorld, ownDataWorld } from "../../../tests/support/own-data-world.js";
import { auditWithAction } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { caseMessages, cases } from "../cases/cases.tables.js";
import { firms } from "../firms/firms.tables.js";

describe("deleting an account (AUDIT-2)", () => {
  let t: TestApp;
  let w: OwnDataWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await ownDataWorld(t);
  });
  afterAll(() => t?.close());

  const owner = (sql: string, values: unknown[]) => t.deps.database.owner.query(sql, values);
  const userExists = async (id: string) =>
    (await owner("select 1 from users where id = $1", [id])).rowCount === 1;
  const granteeRow = async (id: string) =>
    (await owner("select status, account_id from grantees where id = $1", [id])).rows[0] as {
      status: string;
      account_id: string | null;
    };
  const fields = (body: ErrorBody) =>
    ((body.error.details as { fields?: Array<{ field: string }> })?.fields ?? []).map((f) => f.field);

  it("lets staff remove a portal account from their firm; one that reaches no other firm is erased", async () => {
    const removed = await w.owner.client.post(
      `/api/grants/${w.grant.id}/grantees/${w.grantee.max}/remove-account`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ revokedGrantees: 1 });
    expect(await granteeRow(w.grantee.max)).toEqual({ status: "revoked", account_id: null });
    expect(await userExists(w.max.userId)).toBe(false);
    expect((await w.max.client.get("/api/me")).status).toBe(401);
    const inFirmLog = await auditWithAction(t, w.firmId, "account.remove_from_firm");
    expect(inFirmLog.map((e) => [e.entityId, e.actorUserId])).toEqual([[w.max.userId, w.owner.userId]]);
    expect((await auditWithAction(t, w.firmId, "grantee.account_removed")).map((e) => e.entityId)).toEqual([
      w.grantee.max,
    ]);
  });

  it("keeps an account that still reaches another firm, with its access there", async () => {
    const elsewhere = await insertGrantee(t.deps, w.second.firmId, {
      grantId: w.second.grant.id,
      email: "bernd@bank.test",
      accountId: w.bernd.userId,
      name: "Bernd Banker",
    });
    const res = await w.owner.client.post(
      `/api/grants/${w.grant.id}/grantees/${w.grantee.bernd}/remove-account`,
    );
    expect(res.status).toBe(200);
    expect(await userExists(w.bernd.userId)).toBe(true);
    expect(await granteeRow(w.grantee.bernd)).toEqual({ status: "revoked", account_id: null });
    expect(await granteeRow(elsewhere.id)).toEqual({ status: "active", account_id: w.bernd.userId });
    const me = await w.bernd.client.get<PortalMe>("/api/portal/me");
    expect(me.status).toBe(200);
    expect(me.body.firms.map((f) => f.id)).toEqual([w.second.firmId]);
  });

  it("refuses what the firm's rules refuse: staff not on the file, no account, irrevocable holders", async () => {
    const assistant = await w.assistant.client.post(
      `/api/grants/${w.grant.id}/grantees/${w.grantee.klara}/remove-account`,
    );
    expect(assistant.status).toBe(404);
    // Another firm's staff: the grant and its grantee do not exist for them.
    const otherFirm = await w.second.owner.client.post(
      `/api/grants/${w.grant.id}/grantees/${w.grantee.klara}/remove-account`,
    );
    expect(otherFirm.status).toBe(404);
    expect(await granteeRow(w.grantee.klara)).toEqual({ status: "active", account_id: w.klara.userId });
    const noAccount = await insertGrantee(t.deps, w.firmId, {
      grantId: w.grant.id,
      personId: w.person.oma,
      name: "Erna Muster",
    });
    const none = await w.owner.client.post(
      `/api/grants/${w.grant.id}/grantees/${noAccount.id}/remove-account`,
    );
    expect(none.status).toBe(409);
    await inFirm(t.deps.database, w.second.firmId, (tx) =>
      tx.db.update(firms).set({ holdersAccessIrrevocable: true }).where(eq(firms.firmId, w.second.firmId)),
    );
    const irrevocable = await w.second.owner.client.post<ErrorBody>(
      `/api/grants/${w.second.grant.id}/grantees/${w.second.grantee}/remove-account`,
    );
    expect(irrevocable.status).toBe(409);
    expect(await granteeRow(w.second.grantee)).toEqual({ status: "active", account_id: w.klara.userId });
  });

  it("does not let the last admin of a firm delete their account", async () => {
    const res = await w.second.owner.client.request<ErrorBody>("DELETE", "/api/account", {
      password: w.second.owner.password,
      confirm: true,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("Zweitbüro");
    expect(await userExists(w.second.owner.userId)).toBe(true);
  });

  it("lets a client delete their own account: its data erased, the files' correspondence and history kept", async () => {
    const caseId = newId();
    const messageId = newId();
    await inFirm(t.deps.database, w.firmId, async (tx) => {
      await tx.db.insert(cases).values({
        firmId: w.firmId,
        id: caseId,
        clientFileId: w.klaraFile,
        kind: "message",
        subject: "Frage zum Hausrat",
        createdByAccountId: w.klara.userId,
        createdByPersonId: w.person.klara,
        createdByName: "Klara Muster",
      });
      await tx.db.insert(caseMessages).values({
        firmId: w.firmId,
        id: messageId,
        caseId,
        authorKind: "client",
        authorAccountId: w.klara.userId,
        authorPersonId: w.person.klara,
        authorName: "Klara Muster",
        body: "Ist mein Fahrrad mitversichert?",
      });
    });
    expect(
      (await w.klara.client.get(w.url(w.klaraFile, `documents/${w.document.shared.id}/download`))).status,
    ).toBe(200);

    const wrong = await w.klara.client.request<ErrorBody>("DELETE", "/api/account", {
      password: "not my password",
      confirm: true,
    });
    expect(wrong.status).toBe(400);
    expect(fields(wrong.body)).toEqual(["password"]);
    const unconfirmed = await w.klara.client.request<ErrorBody>("DELETE", "/api/account", {
      password: w.klara.password,
      confirm: false,
    });
    expect(unconfirmed.status).toBe(400);
    expect(fields(unconfirmed.body)).toEqual(["confirm"]);
    expect(await userExists(w.klara.userId)).toBe(true);

    const deleted = await w.klara.client.request("DELETE", "/api/account", {
      password: w.klara.password,
      confirm: true,
    });
    expect(deleted.status).toBe(204);
    expect((await w.klara.client.get("/api/me")).status).toBe(401);
    expect(await userExists(w.klara.userId)).toBe(false);
    for (const table of ["sessions", "auth_accounts", "second_factors", "passkeys"])
      expect((await owner(`select 1 from ${table} where user_id = $1`, [w.klara.userId])).rowCount).toBe(0);

    // Her access entries stay on the files, revoked and without the account, in both firms.
    expect(await granteeRow(w.grantee.klara)).toEqual({ status: "revoked", account_id: null });
    expect(await granteeRow(w.second.grantee)).toEqual({ status: "revoked", account_id: null });
    for (const firmId of [w.firmId, w.second.firmId]) {
      const [event] = await auditWithAction(t, firmId, "account.delete");
      expect(event).toMatchObject({ entityId: w.klara.userId, actorName: "Klara Muster" });
    }
    // What she did stays in the firm's history, under her name.
    const downloads = await auditWithAction(t, w.firmId, "document.portal_download");
    expect(downloads.some((e) => e.actorUserId === w.klara.userId && e.actorName === "Klara Muster")).toBe(
      true,
    );
    // Her message stays in the case, attributed to her person.
    const [message] = (
      await owner(
        "select author_account_id, author_person_id, author_name, body from case_messages where id = $1",
        [messageId],
      )
    ).rows;
    expect(message).toEqual({
      author_account_id: null,
      author_person_id: w.person.klara,
      author_name: "Klara Muster",
      body: "Ist mein Fahrrad mitversichert?",
    });
    // The firm's audit log still names her.
    const log = await w.owner.client.get<{
      items: Array<{ action: string; actor: { name: string | null } }>;
    }>(`/api/client-files/${w.klaraFile}/history`);
    expect(log.status).toBe(200);
    expect(log.body.items.find((e) => e.action === "document.portal_download")?.actor.name).toBe(
      "Klara Muster",
    );
  });
});
