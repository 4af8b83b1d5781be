import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDetail, PortalCaseDetail } from "../../../contracts/cases.js";
import type { ErrorBody } from "../../../tests/support/documents-world.js";
import { type Seed004World, seed004World } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

// Whether a staff reply still reaches the person who opened a case (AUDIT-2): once their account is
// deleted or their access ends, the case says so; replies are still kept in the file.

type Answer = PortalCaseDetail & ErrorBody;

describe("a case whose client no longer reaches the file", () => {
  let t: TestApp;
  let w: Seed004World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t, { features: ["messages"] });
  });
  afterAll(() => t?.close());

  const staffCase = async (caseId: string) => {
    const res = await w.owner.client.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it("says clientReachable until the opener's account is deleted; a reply is still kept", async () => {
    expect((await staffCase(w.kase.id)).clientReachable).toBe(true);
    const removed = await w.owner.client.post(
      `/api/grants/${w.grant.id}/grantees/${w.grantee.bernd}/remove-account`,
    );
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const after = await staffCase(w.kase.id);
    expect(after.clientReachable).toBe(false);
    expect(after.createdByName).toBe("Bernd Banker");
    const reply = await w.owner.client.post<CaseDetail>(`/api/cases/${w.kase.id}/messages`, {
      body: "We will call you.",
    });
    expect(reply.status).toBe(201);
    expect(reply.body.clientReachable).toBe(false);
    expect(reply.body.messages.filter((m) => m.authorKind === "staff").map((m) => m.body)).toContain(
      "We will call you.",
    );
  });

  it("says so too when the opener's access was revoked", async () => {
    const opened = await w.klara.client.post<Answer>(w.url(w.klaraFile, "cases"), {
      kind: "message",
      subject: "New address",
      message: "We moved.",
    });
    expect(opened.status).toBe(201);
    expect((await staffCase(opened.body.id)).clientReachable).toBe(true);
    await t.deps.database.owner.query("update grantees set status = 'revoked' where id = $1", [
      w.grantee.klara,
    ]);
    expect((await staffCase(opened.body.id)).clientReachable).toBe(false);
  });
});
