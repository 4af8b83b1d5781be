import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDetail, CaseInbox, PortalCaseDetail } from "../../../contracts/cases.js";
import { type ErrorBody, fieldsOf } from "../../../tests/support/documents-world.js";
import { signedInStaff } from "../../../tests/support/factories-clients.js";
import { type Seed004World, seed004World } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

// The firm's inbox (CASE-1) through the real app: the assignment chain, staff visibility, filters,
// paging and counts, status and assignee changes (audited).

type Answer = PortalCaseDetail & ErrorBody;

describe("the case inbox", () => {
  let t: TestApp;
  let w: Seed004World;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;
  const ids: Record<string, string> = {};

  const query = (text: string, values: unknown[] = []) => t.deps.database.owner.query(text, values);
  const setActive = (userId: string, active: boolean) =>
    query("update staff_members set active = $2 where user_id = $1", [userId, active]);
  const open = async (subject: string, fileId = w.klaraFile, kind = "message") => {
    const res = await w.klara.client.post<Answer>(w.url(fileId, "cases"), {
      kind,
      subject,
      ...(kind === "message" ? { message: `About ${subject}` } : {}),
      ...(kind === "quote_request" ? { details: { risk: "Car", wanted: "Cheaper cover" } } : {}),
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const assigneeOf = async (caseId: string) =>
    (await query("select assignee_user_id from cases where id = $1", [caseId])).rows[0]?.assignee_user_id;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t, { features: ["messages", "quote_requests"] });
    admin = await signedInStaff(t, w.firmId, "admin", "Ada Admin");
    // The world's own case would be in every list: this file counts the cases it opens itself.
    await query("delete from cases where id = $1", [w.kase.id]);
  });
  afterAll(() => t?.close());

  it("assigns to the grant's case handler, else the case owner, else the admins", async () => {
    await query("update grants set case_handler_id = $1 where id = $2", [w.assistant.userId, w.grant.id]);
    ids.toHandler = await open("Handler");
    expect(await assigneeOf(ids.toHandler)).toBe(w.assistant.userId);

    await setActive(w.assistant.userId, false);
    ids.toOwner = await open("Owner");
    expect(await assigneeOf(ids.toOwner)).toBe(w.owner.userId);

    await setActive(w.owner.userId, false);
    ids.toAdmins = await open("Admins");
    expect(await assigneeOf(ids.toAdmins)).toBeNull();
    const notes = await query("select recipient_user_id from notification_items where case_id = $1", [
      ids.toAdmins,
    ]);
    expect(notes.rows).toEqual([{ recipient_user_id: admin.userId }]);

    await setActive(w.assistant.userId, true);
    await setActive(w.owner.userId, true);
    await query("update grants set case_handler_id = $1 where id = $2", [w.owner.userId, w.grant.id]);
    ids.quote = await open("Second car", w.companyFile, "quote_request");
  });

  it("staff see the cases of files they may read, and those assigned to them", async () => {
    // The assistant is not on the file's team: only the case assigned to them.
    const mine = await w.assistant.client.get<CaseInbox>("/api/cases");
    expect(mine.body.items.map((c) => c.id)).toEqual([ids.toHandler]);
    expect((await w.assistant.client.get(`/api/cases/${ids.toOwner}`)).status).toBe(404);
    const owners = await w.owner.client.get<CaseInbox>("/api/cases");
    expect(owners.body.items.map((c) => c.subject)).toEqual(["Second car", "Admins", "Owner", "Handler"]);
    const unassigned = await admin.client.get<CaseInbox>("/api/cases?assignee=unassigned");
    expect(unassigned.body.items.map((c) => c.id)).toEqual([ids.toAdmins]);
  });

  it("filters by status, kind, assignee, file and words; counts by status", async () => {
    const done = await w.owner.client.patch<CaseDetail>(`/api/cases/${ids.toOwner}`, { status: "done" });
    expect(done.status).toBe(200);
    const get = (q: string) => w.owner.client.get<CaseInbox>(`/api/cases?${q}`);
    expect((await get("status=done")).body.items.map((c) => c.id)).toEqual([ids.toOwner]);
    expect((await get("kind=quote_request")).body.items.map((c) => c.id)).toEqual([ids.quote]);
    expect((await get("assignee=me")).body.items.map((c) => c.subject)).toEqual(["Second car", "Owner"]);
    expect((await get(`clientFileId=${w.companyFile}`)).body.items.map((c) => c.id)).toEqual([ids.quote]);
    expect((await get("q=second")).body.items.map((c) => c.id)).toEqual([ids.quote]);
    expect((await get("q=musterfirma")).body.items.map((c) => c.id)).toEqual([ids.quote]);
    const all = await get("");
    expect(all.body.counts).toEqual({ open: 3, waiting_for_client: 0, done: 1 });
    expect((await get("status=open")).body.counts).toEqual(all.body.counts);
    const bad = await w.owner.client.get<ErrorBody>("/api/cases?status=lost");
    expect(fieldsOf(bad.body)).toEqual(["status"]);
  });

  it("pages through the inbox with a cursor, every case once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: CaseInbox } = await w.owner.client.get<CaseInbox>(
        `/api/cases?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.quote, ids.toAdmins, ids.toOwner, ids.toHandler]);
    const broken = await w.owner.client.get<ErrorBody>("/api/cases?cursor=nonsense");
    expect(fieldsOf(broken.body)).toEqual(["cursor"]);
  });

  it("opening a case marks it read; a reply sets waiting for the client unless told otherwise", async () => {
    const before = await w.owner.client.get<CaseInbox>("/api/cases?kind=quote_request");
    expect(before.body.items[0]?.unread).toBe(true);
    const detail = await w.owner.client.get<CaseDetail>(`/api/cases/${ids.quote}`);
    expect(detail.body).toMatchObject({
      details: { kind: "quote_request", quote: { risk: "Car", wanted: "Cheaper cover" } },
      clientFile: { displayName: "Musterfirma" },
      createdByName: "Klara Muster",
    });
    expect((await w.owner.client.get<CaseInbox>("/api/cases?kind=quote_request")).body.items[0]?.unread).toBe(
      false,
    );
    const reply = await w.owner.client.post<CaseDetail>(`/api/cases/${ids.quote}/messages`, {
      body: "Here is an offer.",
      status: "done",
    });
    expect(reply.body.status).toBe("done");
    expect(reply.body.messages.at(-1)).toMatchObject({ authorKind: "staff", own: true });
    const empty = await w.owner.client.post<ErrorBody>(`/api/cases/${ids.quote}/messages`, { body: " " });
    expect(fieldsOf(empty.body)).toEqual(["body"]);
  });

  it("changes the assignee to an active staff member only, audited and told to them", async () => {
    const unknown = await admin.client.patch<ErrorBody>(`/api/cases/${ids.toAdmins}`, {
      assigneeUserId: "nobody",
    });
    expect(fieldsOf(unknown.body)).toEqual(["assigneeUserId"]);
    const nothing = await admin.client.patch<ErrorBody>(`/api/cases/${ids.toAdmins}`, {});
    expect(nothing.status).toBe(400);
    const res = await admin.client.patch<CaseDetail>(`/api/cases/${ids.toAdmins}`, {
      assigneeUserId: w.assistant.userId,
      status: "waiting_for_client",
    });
    expect(res.body).toMatchObject({ assignee: { id: w.assistant.userId }, status: "waiting_for_client" });
    const audit = await query(
      "select action, before, after from audit_events where entity_id = $1 order by seq",
      [ids.toAdmins],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["case.create", "case.status_change", "case.assign"]);
    expect(audit.rows[2]).toMatchObject({
      before: { assigneeUserId: null },
      after: { assigneeUserId: w.assistant.userId },
    });
    const told = await query(
      "select topic from notification_items where case_id = $1 and recipient_user_id = $2",
      [ids.toAdmins, w.assistant.userId],
    );
    expect(told.rows).toEqual([{ topic: "new_case" }]);
    expect((await w.assistant.client.get(`/api/cases/${ids.toAdmins}`)).status).toBe(200);
  });
});
