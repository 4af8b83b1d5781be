import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulkInvitationRun } from "../../../contracts/bulk-invitations.js";
import type { Grantee } from "../../../contracts/grants.js";
import type {
  AcceptedClientInvitation,
  ClientInvitationPreview,
  Invitation,
} from "../../../contracts/invitations.js";
import {
  createGrantsWorld,
  type GrantsWorld,
  insertPerson,
} from "../../../tests/support/factories-grants.js";
import { latestInvitationToken, tokenOf } from "../../../tests/support/factories-invitations.js";
import { createClientFile } from "../../../tests/support/factories-records.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { newId } from "../../platform/ids.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

const goodPassword = "seven lanterns over the harbour";
const sharedAddress = "familie.schmidt@example.test";

describe("registering over a shared address: which person is registering (PORTAL-1)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let hans: { id: string; name: string };
  let jan: { id: string; name: string };
  let token = "";
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
    const file = async (displayName: string) =>
      (await createClientFile(t.deps, w.firmId, { caseOwnerId: w.owner.userId, displayName })).id;
    const hansFile = await file("Schmidt, Hans");
    const janFile = await file("Schmidt, Jan");
    hans = await insertPerson(t.deps, w.firmId, hansFile, {
      firstName: "Hans",
      lastName: "Schmidt",
      role: "holder",
      email: sharedAddress,
      language: "en",
    });
    jan = await insertPerson(t.deps, w.firmId, janFile, {
      firstName: "Jan",
      lastName: "Schmidt",
      role: "holder",
      email: "Familie.Schmidt@example.test ",
      language: "en",
    });
    // The bulk invitation bundles the two files sharing an address: one grant, one invitation.
    const run = await w.owner.client.post<BulkInvitationRun>("/api/invitations/bulk", {
      fileIds: [hansFile, janFile],
      sharedEmails: "bundle",
    });
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    const [mail] = await t.sink.waitFor((m) => m.to.includes(sharedAddress), { timeoutMs: 30_000 });
    if (!mail) throw new Error("the bundle's invitation did not arrive");
    token = tokenOf(mail);
  });
  afterAll(() => t?.close());

  const peek = (raw: string) =>
    new TestClient(t.app).post<ClientInvitationPreview & ErrorBody>("/api/client-invitations/peek", {
      token: raw,
    });
  const accept = (body: Record<string, unknown>) =>
    new TestClient(t.app).post<AcceptedClientInvitation & ErrorBody>("/api/client-invitations/accept", body);
  const granteeOfAddress = async () =>
    (
      await t.deps.database.owner.query<{
        person_id: string;
        name: string;
        account_id: string | null;
        status: string;
      }>("select person_id, name, account_id, status from grantees where email = $1", [sharedAddress])
    ).rows;

  it("PORTAL-1 the link lists the persons of the shared address by name, and nothing else about them", async () => {
    const res = await peek(token);
    expect(res.status).toBe(200);
    expect(res.body.persons).toEqual(
      [hans, jan].map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name)),
    );
    for (const person of res.body.persons) expect(Object.keys(person).sort()).toEqual(["id", "name"]);
  });

  it("PORTAL-1 registering without a choice, or with a person not in the bundle, is refused naming personId", async () => {
    const outsider = w.people.klara.id;
    for (const personId of [undefined, newId(), outsider]) {
      const res = await accept({ token, password: goodPassword, ...(personId ? { personId } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details?.fields?.map((f) => f.field)).toEqual(["personId"]);
    }
    const malformed = await accept({ token, password: goodPassword, personId: "not-an-id" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.fields?.map((f) => f.field)).toEqual(["personId"]);
    // Nothing was used up: the link still opens, the access still waits.
    expect((await peek(token)).status).toBe(200);
    expect(await granteeOfAddress()).toEqual([
      { person_id: hans.id, name: hans.name, account_id: null, status: "pending" },
    ]);
  });

  it("PORTAL-1 the chosen person is linked to the new account, under that person's name", async () => {
    const res = await accept({ token, password: goodPassword, personId: jan.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await granteeOfAddress()).toEqual([
      { person_id: jan.id, name: jan.name, account_id: res.body.userId, status: "active" },
    ]);
    const { rows } = await t.deps.database.owner.query<{ name: string }>(
      "select name from users where id = $1",
      [res.body.userId],
    );
    expect(rows[0]?.name).toBe(jan.name);
    expect((await peek(token)).status).toBe(404);
  });

  it("an invitation for one person lists nobody and refuses a personId", async () => {
    const grant = await w.owner.client.post<{ id: string }>("/api/grants", {
      name: "Klara",
      fileIds: [w.klaraFile],
    });
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grant.body.id}/grantees`, {
      email: "gina@extern.test",
      name: "Gina Gast",
    });
    const invitation = await w.owner.client.post<Invitation>(
      `/api/grants/${grant.body.id}/grantees/${grantee.body.id}/invitation`,
      { language: "en" },
    );
    expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
    const single = await latestInvitationToken(t, invitation.body);
    expect((await peek(single)).body.persons).toEqual([]);
    const refused = await accept({ token: single, password: goodPassword, personId: w.people.klara.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.fields?.map((f) => f.field)).toEqual(["personId"]);
    expect((await accept({ token: single, password: goodPassword })).status).toBe(201);
  });
});
