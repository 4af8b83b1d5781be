import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDetail, CaseInbox, PortalCaseDetail, PortalCaseList } from "../../../contracts/cases.js";
import { type ErrorBody, fieldsOf } from "../../../tests/support/documents-world.js";
import { createFirm } from "../../../tests/support/factories.js";
import { signedInStaff } from "../../../tests/support/factories-clients.js";
import {
  type FormPart,
  makePdf,
  multipartBody,
  tinyPng,
} from "../../../tests/support/factories-documents.js";
import { signedInPortalAccount } from "../../../tests/support/factories-grants.js";
import type { TestClient } from "../../../tests/support/http.js";
import { previewAs, type Seed004World, seed004World } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

// The portal's cases (PORTAL-6, PORTAL-7) through the real app: features, the primary-contact rule,
// claims with or without a contract, uploads (SEC-15), read grantees, previews, unreachable files.

type Answer = PortalCaseDetail & ErrorBody;

/** A case write as multipart: the body as `data`, the files as `files`. */
function sendWithFiles(client: TestClient, url: string, body: unknown, files: Array<Omit<FormPart, "name">>) {
  const { payload, headers } = multipartBody([
    { name: "data", value: JSON.stringify(body) },
    ...files.map((f) => ({ name: "files", ...f }) as FormPart),
  ]);
  return client.request<Answer>("POST", url, payload, headers);
}

async function sql<T extends object>(t: TestApp, text: string, values: unknown[] = []): Promise<T[]> {
  return (await t.deps.database.owner.query<T>(text, values)).rows;
}

describe("portal cases", () => {
  let t: TestApp;
  let w: Seed004World;
  const cases = (fileId = w.klaraFile) => w.url(fileId, "cases");

  beforeAll(async () => {
    t = await startTestApp({ env: { ATRIUM_UPLOAD_LIMIT_MB: "1" } });
    w = await seed004World(t, { features: ["messages", "claim_reporting", "client_uploads"] });
  });
  afterAll(() => t?.close());

  it("a holder sends a message: the grant's case handler gets it, audited and noted for the digest", async () => {
    const res = await w.klara.client.post<Answer>(cases(), {
      kind: "message",
      subject: "New address",
      message: "We moved to Gartenweg 3.",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: "message",
      subject: "New address",
      status: "open",
      handlerName: "Olga Owner",
      createdByName: "Klara Muster",
      canReply: true,
    });
    expect(res.body.messages).toMatchObject([
      { authorKind: "client", own: true, body: "We moved to Gartenweg 3." },
    ]);
    const [row] = await sql<{ assignee_user_id: string; grant_id: string }>(
      t,
      "select assignee_user_id, grant_id from cases where id = $1",
      [res.body.id],
    );
    expect(row).toEqual({ assignee_user_id: w.owner.userId, grant_id: w.grant.id });
    const audit = await sql<{ action: string; actor_kind: string }>(
      t,
      "select action, actor_kind from audit_events where entity_id = $1",
      [res.body.id],
    );
    expect(audit).toEqual([{ action: "case.create", actor_kind: "client" }]);
    const notes = await sql<{ recipient_user_id: string; topic: string }>(
      t,
      "select recipient_user_id, topic from notification_items where case_id = $1",
      [res.body.id],
    );
    expect(notes).toEqual([{ recipient_user_id: w.owner.userId, topic: "new_case" }]);
  });

  it("lists what the viewer may open: only the enabled kinds", async () => {
    const res = await w.klara.client.get<PortalCaseList>(cases());
    expect(res.status).toBe(200);
    expect(res.body.abilities).toEqual({
      create: ["message", "claim_report", "upload"],
      claimWithoutContract: false,
      reply: true,
    });
    expect(res.body.items.map((c) => c.subject)).toContain("New address");
  });

  it("a feature that is off answers 403 naming it", async () => {
    const res = await w.klara.client.post<Answer>(cases(), {
      kind: "quote_request",
      details: { risk: "Wohngebäude", wanted: "A quote please" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/not enabled/);
  });

  it("a claim needs a contract the viewer sees unless the grant allows claims without one", async () => {
    const base = { kind: "claim_report", details: { dateOfLoss: "2026-01-10", whatHappened: "Pipe burst" } };
    const without = await w.klara.client.post<Answer>(cases(), {
      ...base,
      details: { ...base.details, contractId: null },
    });
    expect(without.status).toBe(400);
    expect(fieldsOf(without.body)).toEqual(["details.contractId"]);
    const hidden = await w.klara.client.post<Answer>(cases(), {
      ...base,
      details: { ...base.details, contractId: w.contract.klaraPhv },
    });
    expect(fieldsOf(hidden.body)).toEqual(["details.contractId"]);
    const ok = await w.klara.client.post<Answer>(cases(), {
      ...base,
      details: { ...base.details, contractId: w.contract.klaraHrv, estimatedAmount: "1200.5" },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      subject: "Claim report of January 10, 2026",
      contract: { id: w.contract.klaraHrv, insurer: "Allianz" },
      details: { kind: "claim_report", claim: { estimatedAmount: "1200.50", currency: "EUR" } },
    });
  });

  it("with claim_reporting_without_contract a claim may name no contract; contract capture", async () => {
    const other = await seed004World(t, {
      features: ["claim_reporting", "claim_reporting_without_contract", "contract_capture"],
    });
    const res = await other.klara.client.post<Answer>(other.url(other.klaraFile, "cases"), {
      kind: "claim_report",
      details: { contractId: null, dateOfLoss: "2026-02-01", whatHappened: "Bike stolen", place: "Station" },
    });
    expect(res.status).toBe(201);
    expect(res.body.contract).toBeNull();
    // Contract capture: a policy held elsewhere, with a photo of it.
    const capture = (details: object) =>
      sendWithFiles(
        other.klara.client,
        other.url(other.klaraFile, "cases"),
        { kind: "contract_capture", details },
        [{ fileName: "police.png", content: tinyPng, contentType: "image/png" }],
      );
    const wrong = await capture({
      insurer: "HUK",
      startDate: "2026-05-01",
      endDate: "2026-01-01",
      premium: "x",
    });
    expect(fieldsOf(wrong.body).sort()).toEqual(["details.endDate", "details.premium"]);
    const ok = await capture({
      insurer: "HUK",
      policyNumber: "K-1",
      premium: 42,
      premiumFrequency: "yearly",
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      subject: "Contract held elsewhere: HUK",
      details: {
        kind: "contract_capture",
        contract: { insurer: "HUK", premium: "42.00", policyNumber: "K-1" },
      },
    });
    expect(ok.body.messages[0]?.attachments).toHaveLength(1);
  });

  it("answers field errors on the field, translated", async () => {
    const de = await signedInPortalAccount(t, { name: "Klara DE", language: "de" });
    await t.deps.database.owner.query("update grantees set account_id = $1 where id = $2", [
      de.userId,
      w.grantee.klara,
    ]);
    const res = await de.client.post<Answer>(cases(), {
      kind: "claim_report",
      details: { contractId: w.contract.klaraHrv, dateOfLoss: "2999-01-01", whatHappened: "" },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).sort()).toEqual(["details.whatHappened"]);
    const future = await de.client.post<Answer>(cases(), {
      kind: "claim_report",
      details: { contractId: w.contract.klaraHrv, dateOfLoss: "2999-01-01", whatHappened: "Sturm" },
    });
    expect(future.body.error.details?.fields).toEqual([
      { field: "details.dateOfLoss", message: "Das Datum darf nicht in der Zukunft liegen." },
    ]);
    const kind = await de.client.post<Answer>(cases(), { kind: "gossip" });
    expect(fieldsOf(kind.body)).toEqual(["kind"]);
    await t.deps.database.owner.query("update grantees set account_id = $1 where id = $2", [
      w.klara.userId,
      w.grantee.klara,
    ]);
  });

  it("an upload stores photos and PDFs; it needs a file, refuses other types and files too large", async () => {
    const pdf = await makePdf("Rechnung");
    const ok = await sendWithFiles(
      w.klara.client,
      cases(),
      { kind: "upload", message: "Invoice and photo" },
      [
        { fileName: "rechnung.pdf", content: pdf, contentType: "application/pdf" },
        { fileName: "foto.png", content: tinyPng, contentType: "image/png" },
      ],
    );
    expect(ok.status).toBe(201);
    expect(ok.body.messages[0]?.attachments.map((a) => [a.fileName, a.contentType])).toEqual([
      ["rechnung.pdf", "application/pdf"],
      ["foto.png", "image/png"],
    ]);
    const download = await t.app.inject({
      method: "GET",
      url: `${cases()}/${ok.body.id}/attachments/${ok.body.messages[0]?.attachments[0]?.id}`,
      headers: { cookie: w.klara.client.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const none = await w.klara.client.post<Answer>(cases(), { kind: "upload", message: "Forgot it" });
    expect(fieldsOf(none.body)).toEqual(["files"]);
    const html = await sendWithFiles(w.klara.client, cases(), { kind: "upload" }, [
      { fileName: "x.pdf", content: Buffer.from("<html><script>alert(1)</script></html>") },
    ]);
    expect(html.status).toBe(400);
    expect(fieldsOf(html.body)).toEqual(["files"]);
    const big = await sendWithFiles(w.klara.client, cases(), { kind: "upload" }, [
      { fileName: "big.pdf", content: Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 10)]) },
    ]);
    expect(big.status).toBe(413);
    expect(fieldsOf(big.body)).toEqual(["files"]);
    const [row] = await sql<{ count: number }>(
      t,
      "select count(*)::int as count from case_attachments where firm_id = $1 and case_id <> $2",
      [w.firmId, w.kase.id],
    );
    expect(row?.count).toBe(2);
    // Refused uploads left nothing behind in the store (beside the world's case's own photo).
    const dir = path.join(t.deps.config.dataDir, "files", w.firmId, "cases");
    const stored = await readdir(dir, { recursive: true, withFileTypes: true });
    expect(stored.filter((e) => e.isFile())).toHaveLength(3);
  });

  it("SEC-13 a read grantee reads the household's cases but writes nothing", async () => {
    const refused = await w.max.client.post<Answer>(cases(), {
      kind: "message",
      subject: "Hi",
      message: "Max",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/read-only/);
    const list = await w.max.client.get<PortalCaseList>(cases());
    expect(list.body.abilities).toEqual({ create: [], claimWithoutContract: false, reply: false });
    const first = list.body.items[0];
    expect(first?.subject).toBeDefined();
    const reply = await w.max.client.post<Answer>(`${cases()}/${first?.id}/messages`, { body: "Me too" });
    expect(reply.status).toBe(403);
    const detail = await w.max.client.get<Answer>(`${cases()}/${first?.id}`);
    expect(detail.body.canReply).toBe(false);
  });

  it("an external advisor sees only their own cases", async () => {
    const byBernd = await w.bernd.client.post<Answer>(cases(), {
      kind: "message",
      subject: "Loan",
      message: "Bank question",
    });
    expect(byBernd.status).toBe(201);
    const berndList = await w.bernd.client.get<PortalCaseList>(cases());
    expect(berndList.body.items.map((c) => c.subject).sort()).toEqual(["A question", "Loan"]);
    const klaraList = await w.klara.client.get<PortalCaseList>(cases());
    expect(klaraList.body.items.map((c) => c.subject)).toContain("Loan");
    const klaras = klaraList.body.items.find((c) => c.subject === "New address");
    expect((await w.bernd.client.get<Answer>(`${cases()}/${klaras?.id}`)).status).toBe(404);
  });

  it("a preview reads but never writes", async () => {
    const list = await w.owner.client.get<PortalCaseList>(cases(), previewAs(w.grantee.klara));
    expect(list.status).toBe(200);
    expect(list.body.abilities).toMatchObject({ create: [], reply: false });
    const res = await w.owner.client.post<Answer>(
      cases(),
      { kind: "message", subject: "x", message: "y" },
      previewAs(w.grantee.klara),
    );
    expect(res.status).toBe(403);
  });

  it("cases for primary contacts only: others hear why, the primary contact may", async () => {
    await t.deps.database.owner.query("update grants set cases_primary_contacts_only = true where id = $1", [
      w.grant.id,
    ]);
    const refused = await w.bernd.client.post<Answer>(cases(), {
      kind: "message",
      subject: "a",
      message: "b",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/primary contact/);
    expect((await w.bernd.client.get<PortalCaseList>(cases())).body.abilities.create).toEqual([]);
    await t.deps.database.owner.query("update grantees set is_primary_contact = true where id = $1", [
      w.grantee.bernd,
    ]);
    const allowed = await w.bernd.client.post<Answer>(cases(), {
      kind: "message",
      subject: "a",
      message: "b",
    });
    expect(allowed.status).toBe(201);
    await t.deps.database.owner.query("update grants set cases_primary_contacts_only = false where id = $1", [
      w.grant.id,
    ]);
  });

  it("the handler's reply reaches the client's thread; the client's answer reopens the case", async () => {
    const opened = await w.klara.client.post<Answer>(cases(), {
      kind: "message",
      subject: "Question",
      message: "Am I covered?",
    });
    const reply = await w.owner.client.request<CaseDetail>(
      "POST",
      `/api/cases/${opened.body.id}/messages`,
      ...(() => {
        const { payload, headers } = multipartBody([
          { name: "data", value: JSON.stringify({ body: "Yes, see the attached policy." }) },
          { name: "files", fileName: "policy.png", content: tinyPng },
        ]);
        return [payload, headers] as const;
      })(),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.status).toBe("waiting_for_client");
    const list = await w.klara.client.get<PortalCaseList>(cases());
    expect(list.body.items.find((c) => c.id === opened.body.id)).toMatchObject({
      unread: true,
      status: "waiting_for_client",
    });
    const detail = await w.klara.client.get<Answer>(`${cases()}/${opened.body.id}`);
    expect(detail.body.messages.map((m) => [m.authorKind, m.authorName, m.body])).toEqual([
      ["client", "Klara Muster", "Am I covered?"],
      ["staff", "Olga Owner", "Yes, see the attached policy."],
    ]);
    expect(detail.body.unread).toBe(false);
    const notes = await sql<{ recipient_user_id: string; topic: string }>(
      t,
      "select recipient_user_id, topic from notification_items where case_id = $1 and audience = 'portal'",
      [opened.body.id],
    );
    expect(notes).toContainEqual({ recipient_user_id: w.klara.userId, topic: "case_update" });
    const answer = await w.klara.client.post<Answer>(`${cases()}/${opened.body.id}/messages`, {
      body: "Thank you!",
    });
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe("open");
    const inbox = await w.owner.client.get<CaseInbox>("/api/cases?assignee=me&status=open");
    expect(inbox.body.items.find((c) => c.id === opened.body.id)).toMatchObject({ unread: true });
  });

  it("a file the account no longer reaches is 404, also for a message to its existing case", async () => {
    const opened = await w.bernd.client.post<Answer>(cases(), {
      kind: "message",
      subject: "s",
      message: "m",
    });
    await t.deps.database.owner.query("update grantees set status = 'revoked' where id = $1", [
      w.grantee.bernd,
    ]);
    const res = await w.bernd.client.post<Answer>(`${cases()}/${opened.body.id}/messages`, {
      body: "Still there?",
    });
    expect(res.status).toBe(404);
    expect((await w.bernd.client.get(cases())).status).toBe(404);
    const otherFirm = await createFirm(t.deps, { name: "Elsewhere" });
    const elsewhere = await w.klara.client.get(
      `/api/portal/firms/${otherFirm.firmId}/files/${w.klaraFile}/cases`,
    );
    expect(elsewhere.status).toBe(404);
    const stranger = await signedInStaff(t, otherFirm.firmId, "admin");
    expect((await stranger.client.get(`/api/cases/${opened.body.id}`)).status).toBe(404);
    await t.deps.database.owner.query("update grantees set status = 'active' where id = $1", [
      w.grantee.bernd,
    ]);
  });

  it("a deleted account's messages stay in the file's history, attributed to the person (AUDIT-2)", async () => {
    const opened = await w.klara.client.post<Answer>(cases(), {
      kind: "message",
      subject: "Keep",
      message: "Mine",
    });
    await t.deps.database.owner.query("delete from users where id = $1", [w.klara.userId]);
    const detail = await w.owner.client.get<CaseDetail>(`/api/cases/${opened.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.createdByName).toBe("Klara Muster");
    expect(detail.body.messages.map((m) => [m.authorName, m.body])).toEqual([["Klara Muster", "Mine"]]);
    const [row] = await sql<{ created_by_account_id: string | null; created_by_person_id: string }>(
      t,
      "select created_by_account_id, created_by_person_id from cases where id = $1",
      [opened.body.id],
    );
    expect(row).toEqual({ created_by_account_id: null, created_by_person_id: w.person.klara });
  });
});
