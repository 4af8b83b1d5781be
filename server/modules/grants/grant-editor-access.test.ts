import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileAccessView, GrantDetail } from "../../../contracts/grants.js";
import {
  createGrantsWorld,
  type GrantsWorld,
  insertGrant,
  insertGrantee,
  insertPerson,
} from "../../../tests/support/factories-grants.js";
import { createClientFile } from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

// What the back office needs to show access truthfully before anyone clicks: whether the staff member
// may manage a grant (GRANT-6), whether they can open it at all, and whose file each grantee is.

describe("the grant editor and Access tab say what the staff member may do (GRANT-6, GRANT-8)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let bothFiles: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
    bothFiles = (
      await insertGrant(t.deps, w.firmId, {
        name: "A Klara und Firma",
        fileIds: [w.klaraFile, w.companyFile],
      })
    ).id;
  });
  afterAll(() => t?.close());

  const detail = (client: GrantsWorld["owner"]["client"], id: string) =>
    client.get<GrantDetail>(`/api/grants/${id}`);
  const access = (client: GrantsWorld["owner"]["client"], fileId: string) =>
    client.get<FileAccessView>(`/api/client-files/${fileId}/access`);

  it("GET grant says who may manage it, with the policy's reason, and agrees with the 403", async () => {
    const owner = await detail(w.owner.client, bothFiles);
    expect(owner.status).toBe(200);
    expect(owner.body.management).toEqual({
      allowed: true,
      reason: null,
      message: null,
      mayAddExternalAdvisors: true,
    });
    const member = await detail(w.teamMember.client, bothFiles);
    expect(member.status).toBe(200);
    expect(member.body.management).toMatchObject({
      allowed: false,
      reason: "grants.not_allowed_to_manage.case_owner_and_admins",
      mayAddExternalAdvisors: false,
    });
    expect(member.body.management.message).toContain("case owner and administrators");
    // The flag and the refusal agree: what the editor shows read-only would answer 403.
    const add = await w.teamMember.client.post(`/api/grants/${bothFiles}/grantees`, {
      email: "someone@example.test",
      name: "Someone",
    });
    expect(add.status).toBe(403);
    expect((await w.teamMember.client.patch(`/api/grants/${bothFiles}`, { name: "X" })).status).toBe(403);
    // The message follows the request's language.
    const german = await w.teamMember.client.get<GrantDetail>(`/api/grants/${bothFiles}`, {
      "accept-language": "de",
    });
    expect(german.body.management.message).toContain("Betreuerin oder der Betreuer");
  });

  it("a grant is managed only where the policy allows on every bundled file, and both endpoints say so", async () => {
    // The owner owns Klara's file but only sits on the team of this one.
    const teamOnly = await createClientFile(t.deps, w.firmId, {
      caseOwnerId: w.teamMember.userId,
      teamUserIds: [w.owner.userId],
      displayName: "Muster, Jonas",
    });
    const grant = await insertGrant(t.deps, w.firmId, { fileIds: [w.klaraFile, teamOnly.id] });
    const view = await access(w.owner.client, w.klaraFile);
    expect(view.body.management).toMatchObject({ allowed: true, mayAddExternalAdvisors: true });
    // The grant they may open but not change says why: the other file's policy.
    expect(view.body.grants.find((g) => g.id === grant.id)).toMatchObject({
      canOpen: true,
      mayManage: false,
      manageMessage: expect.stringContaining("also covers Muster, Jonas"),
      hiddenFileCount: 0,
    });
    expect(view.body.grants.find((g) => g.id === bothFiles)).toMatchObject({
      canOpen: true,
      mayManage: true,
      manageMessage: null,
    });
    const got = await detail(w.owner.client, grant.id);
    expect(got.body.management).toMatchObject({
      allowed: false,
      reason: "grants.not_allowed_to_manage.case_owner_and_admins",
    });
    expect((await w.owner.client.patch(`/api/grants/${grant.id}`, { name: "Y" })).status).toBe(403);
    // The team member sees the Access tab read-only with the reason.
    const member = await access(w.teamMember.client, w.klaraFile);
    expect(member.body.management).toMatchObject({ allowed: false, mayAddExternalAdvisors: false });
    expect(member.body.grants.every((g) => !g.mayManage)).toBe(true);
    // The file's own refusal says why once; the grants do not repeat it.
    expect(member.body.management.message).toEqual(expect.any(String));
    expect(member.body.grants.every((g) => g.manageMessage === null)).toBe(true);
  });

  it("a grant bundling a file the staff member may not read: listed with canOpen false, GET answers 404", async () => {
    const hidden = await createClientFile(t.deps, w.firmId, {
      caseOwnerId: w.stranger.userId,
      displayName: "Geheim GmbH",
    });
    const secretPerson = await insertPerson(t.deps, w.firmId, hidden.id, {
      firstName: "Sven",
      lastName: "Geheim",
      role: "contact",
    });
    const grant = await insertGrant(t.deps, w.firmId, {
      name: "Klara und Geheim",
      fileIds: [w.klaraFile, hidden.id],
    });
    const sven = await insertGrantee(t.deps, w.firmId, { grantId: grant.id, personId: secretPerson.id });
    const view = await access(w.teamMember.client, w.klaraFile);
    expect(view.status).toBe(200);
    const listed = view.body.grants.find((g) => g.id === grant.id);
    expect(listed).toMatchObject({ canOpen: false, mayManage: false, hiddenFileCount: 1 });
    // Only the files they may open are named.
    expect(listed?.files.map((f) => f.id)).toEqual([w.klaraFile]);
    expect(JSON.stringify(view.body)).not.toContain("Geheim GmbH");
    // Who reaches the file is still complete: the person is listed, their file is not named.
    expect(view.body.fromOtherFiles.find((g) => g.id === sven.id)).toMatchObject({
      name: expect.any(String),
      clientFileId: hidden.id,
      clientFileName: null,
      clientFileNumber: null,
    });
    // GET grant agrees: it answers 404 for the same staff member, and so do explain and preview.
    expect((await detail(w.teamMember.client, grant.id)).status).toBe(404);
    expect((await w.teamMember.client.post(`/api/grantees/${sven.id}/preview`)).status).toBe(404);
    // An administrator reads every file: they can open it, and see the file named.
    const admin = await access(w.admin.client, w.klaraFile);
    expect(admin.body.grants.find((g) => g.id === grant.id)).toMatchObject({
      canOpen: true,
      mayManage: true,
      hiddenFileCount: 0,
    });
    expect(admin.body.fromOtherFiles.find((g) => g.id === sven.id)?.clientFileName).toBe("Geheim GmbH");
    expect((await detail(w.admin.client, grant.id)).status).toBe(200);
  });

  it("person grantees name the file they belong to (display name and number); outsiders none", async () => {
    const erik = await insertGrantee(t.deps, w.firmId, { grantId: bothFiles, personId: w.people.contact.id });
    const klara = await insertGrantee(t.deps, w.firmId, { grantId: bothFiles, personId: w.people.klara.id });
    const outsider = await insertGrantee(t.deps, w.firmId, {
      grantId: bothFiles,
      email: "o@x.test",
      name: "Olga",
    });
    const got = await detail(w.assistant.client, bothFiles);
    const company = got.body.files.find((f) => f.id === w.companyFile);
    const household = got.body.files.find((f) => f.id === w.klaraFile);
    const byId = new Map(got.body.grantees.map((g) => [g.id, g]));
    expect(byId.get(erik.id)).toMatchObject({
      clientFileId: w.companyFile,
      clientFileName: "Musterfirma",
      clientFileNumber: company?.number,
    });
    expect(byId.get(klara.id)).toMatchObject({
      clientFileId: w.klaraFile,
      clientFileName: household?.displayName,
      clientFileNumber: household?.number,
    });
    expect(byId.get(outsider.id)).toMatchObject({
      clientFileId: null,
      clientFileName: null,
      clientFileNumber: null,
    });
    // The Access tab of Klara's file names Erik's file among the persons of other files.
    const view = await access(w.owner.client, w.klaraFile);
    expect(view.body.fromOtherFiles.find((g) => g.id === erik.id)).toMatchObject({
      clientFileName: "Musterfirma",
      clientFileNumber: company?.number,
    });
  });

  it("SEC-11 another firm's staff learn nothing from either endpoint", async () => {
    expect((await detail(w.adminB.client, bothFiles)).status).toBe(404);
    expect((await access(w.adminB.client, w.klaraFile)).status).toBe(404);
  });
});
