import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail, Grantee } from "../../../contracts/grants.js";
import {
  accessChangedMails,
  createGrantsWorld,
  createPortalAccount,
  type GrantsWorld,
  insertGrant,
  insertGrantee,
  linkGranteeAccount,
  signedInPortalAccount,
} from "../../../tests/support/factories-grants.js";
import { auditOf, fieldsOf } from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe("grantees (GRANT-2, GRANT-6, GRANT-7)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let grantId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
  });
  afterAll(() => t?.close());

  const newGrant = async (fileIds = [w.klaraFile]) => {
    const res = await w.owner.client.post<GrantDetail>("/api/grants", { name: "Familie", fileIds });
    expect(res.status).toBe(201);
    grantId = res.body.id;
    return grantId;
  };
  const base = () => `/api/grants/${grantId}/grantees`;
  const add = async (body: Record<string, unknown>) => {
    const res = await w.owner.client.post<Grantee>(base(), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const act = (granteeId: string, action: string, client = w.owner.client) =>
    client.post<Grantee & ErrorBody>(`${base()}/${granteeId}/${action}`);

  it("adds a person of a bundled file as `pending`, with the person's email and role; audited", async () => {
    await newGrant();
    const klara = await add({ personId: w.people.klara.id, access: "read_write", isPrimaryContact: true });
    expect(klara).toMatchObject({
      grantId,
      personId: w.people.klara.id,
      clientFileId: w.klaraFile,
      name: "Klara Muster",
      email: "klara@example.test",
      role: "holder",
      access: "read_write",
      isPrimaryContact: true,
      status: "pending",
      storedStatus: "pending",
      hasAccount: false,
      expiresAt: null,
    });
    const audit = await auditOf(t.deps, w.firmId, klara.id);
    expect(audit.map((a) => [a.action, a.entityType, a.clientFileId])).toEqual([
      ["grantee.create", "grantee", w.klaraFile],
    ]);
  });

  it("adds an outside person by email (normalized) as an external advisor, with an expiry", async () => {
    await newGrant();
    const advisor = await add({
      email: "  Steuer@Berater.DE ",
      name: "Stefan Steuer",
      expiresAt: "2026-06-30T22:00:00Z",
    });
    expect(advisor).toMatchObject({
      personId: null,
      clientFileId: null,
      email: "steuer@berater.de",
      role: "external_advisor",
      access: "read",
      expiresAt: "2026-06-30T22:00:00.000Z",
    });
    const notary = await add({ personId: w.people.notary.id });
    expect(notary.role).toBe("external_advisor");
  });

  it("refuses invalid input, naming each field", async () => {
    await newGrant();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{}, ["email", "name"]],
      [{ personId: w.people.contact.id }, ["personId"]],
      [{ personId: w.people.klara.id, email: "a@b.test" }, ["email"]],
      [{ email: "not-an-email", name: "X" }, ["email"]],
      [{ email: "a@b.test" }, ["name"]],
      [{ personId: w.people.mia.id, access: "write" }, ["access"]],
      [{ personId: w.people.mia.id, expiresAt: "2020-01-01T00:00:00Z" }, ["expiresAt"]],
      [{ personId: w.people.mia.id, expiresAt: "tomorrow" }, ["expiresAt"]],
      [{ personId: "nope" }, ["personId"]],
    ];
    for (const [body, fields] of cases) {
      const res = await w.owner.client.post(base(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(body)).toEqual(fields);
    }
    await add({ personId: w.people.mia.id });
    const twice = await w.owner.client.post<ErrorBody>(base(), { personId: w.people.mia.id });
    expect(twice.status).toBe(409);
    expect(fieldsOf(twice.body)).toEqual(["personId"]);
  });

  it("changes access, primary contact and expiry; audited", async () => {
    await newGrant();
    const mia = await add({ personId: w.people.mia.id });
    const res = await w.owner.client.patch<Grantee>(`${base()}/${mia.id}`, {
      access: "read_write",
      isPrimaryContact: true,
      expiresAt: "2027-01-01T00:00:00+01:00",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      access: "read_write",
      isPrimaryContact: true,
      expiresAt: "2026-12-31T23:00:00.000Z",
    });
    const cleared = await w.owner.client.patch<Grantee>(`${base()}/${mia.id}`, { expiresAt: null });
    expect(cleared.body.expiresAt).toBeNull();
    const actions = (await auditOf(t.deps, w.firmId, mia.id)).map((a) => a.action);
    expect(actions).toEqual(["grantee.create", "grantee.update", "grantee.update"]);
    const bad = await w.owner.client.patch(`${base()}/${mia.id}`, { access: "all", color: 1 });
    expect(fieldsOf(bad.body).sort()).toEqual(["access", "color"]);
  });

  it("GRANT-7 locks, unlocks, revokes and reinstates; a revoked grantee must be reinstated first", async () => {
    await newGrant();
    const mia = await add({ personId: w.people.mia.id });
    expect((await act(mia.id, "lock")).body.status).toBe("locked");
    expect((await act(mia.id, "lock")).body.status).toBe("locked");
    expect((await act(mia.id, "unlock")).body.status).toBe("pending");
    expect((await act(mia.id, "revoke")).body.status).toBe("revoked");
    const lock = await act(mia.id, "lock");
    expect(lock.status).toBe(409);
    expect(lock.body.error.message).toContain("Reinstate it first");
    expect((await act(mia.id, "reinstate")).body.status).toBe("pending");
    const actions = (await auditOf(t.deps, w.firmId, mia.id)).map((a) => a.action);
    expect(actions).toEqual([
      "grantee.create",
      "grantee.lock",
      "grantee.unlock",
      "grantee.revoke",
      "grantee.reinstate",
    ]);
  });

  it("derives `expired` from the expiry date, without any sweep", async () => {
    await newGrant();
    const mia = await add({ personId: w.people.mia.id, expiresAt: "2026-03-03T09:00:00Z" });
    expect(mia.status).toBe("pending");
    t.clock.advance(2 * 24 * 3_600_000);
    try {
      const detail = await w.owner.client.get<GrantDetail>(`/api/grants/${grantId}`);
      expect(detail.body.grantees[0]).toMatchObject({ status: "expired", storedStatus: "pending" });
      expect(detail.body.granteeCounts).toMatchObject({ total: 1, expired: 1 });
    } finally {
      t.clock.advance(-2 * 24 * 3_600_000);
    }
  });

  it("GRANT-6 holders' access cannot be revoked, locked, lowered or limited when the policy says so (409)", async () => {
    await newGrant();
    const klara = await add({ personId: w.people.klara.id, access: "read_write" });
    const jonas = await add({ personId: w.people.jonas.id, access: "read_write" });
    const mia = await add({ personId: w.people.mia.id, access: "read_write" });
    expect(
      (await w.admin.client.patch("/api/firm/policies", { holdersAccessIrrevocable: true })).status,
    ).toBe(200);
    try {
      for (const holder of [klara, jonas]) {
        for (const action of ["revoke", "lock"]) {
          const res = await act(holder.id, action);
          expect(res.status, action).toBe(409);
          expect(res.body.error.details).toMatchObject({ policy: "holdersAccessIrrevocable" });
          expect(res.body.error.message).toContain("holders and co-holders");
        }
        for (const patch of [{ access: "read" }, { expiresAt: "2026-12-01T00:00:00Z" }]) {
          const res = await w.owner.client.patch<ErrorBody>(`${base()}/${holder.id}`, patch);
          expect(res.status, JSON.stringify(patch)).toBe(409);
        }
      }
      expect((await w.owner.client.delete(`/api/grants/${grantId}`)).status).toBe(409);
      // Others stay revocable; a holder's primary-contact flag may still change.
      expect((await act(mia.id, "revoke")).body.status).toBe("revoked");
      const flag = await w.owner.client.patch(`${base()}/${klara.id}`, { isPrimaryContact: true });
      expect(flag.status).toBe(200);
    } finally {
      await w.admin.client.patch("/api/firm/policies", { holdersAccessIrrevocable: false });
    }
    expect((await act(klara.id, "revoke")).body.status).toBe("revoked");
  });

  it("GRANT-7 tells a grantee with an account by mail, in their language and salutation; not one without", async () => {
    await newGrant();
    const klara = await add({ personId: w.people.klara.id, access: "read_write" });
    const mia = await add({ personId: w.people.mia.id });
    const account = await createPortalAccount(t.deps, { email: "klara.konto@example.test", language: "en" });
    await linkGranteeAccount(t.deps, w.firmId, klara.id, account.userId);
    expect((await w.owner.client.patch(`${base()}/${klara.id}`, { access: "read" })).status).toBe(200);
    await act(klara.id, "lock");
    await act(klara.id, "unlock");
    await act(mia.id, "lock");
    const mails = await accessChangedMails(t.deps, account.email);
    expect(mails).toHaveLength(3);
    // Klara's person record says German, informal.
    expect(mails[0]?.language).toBe("de");
    expect(mails[0]?.subject).toBe(`Dein Zugang bei ${(await firmName()).name} hat sich geändert`);
    expect(mails[0]?.text).toContain("nicht mehr ändern");
    expect(mails[1]?.text).toContain("vorübergehend gesperrt");
    expect(mails[2]?.text).toContain("wieder freigegeben");
    // No credential and no link carrying one: only the portal's address, and not while locked.
    for (const mail of mails) expect(mail.text).not.toMatch(/token|ATRIUMSECRET|#/i);
    expect(mails[1]?.text).not.toContain("/portal");
    expect(mails[0]?.meta).toMatchObject({ reason: "access_changed", granteeId: klara.id });
    // Mia has no account yet: nothing is queued for her.
    const { rows } = await t.deps.database.owner.query(
      "select 1 from mail_outbox where template = 'access-changed' and meta->>'granteeId' = $1",
      [mia.id],
    );
    expect(rows).toEqual([]);
    // Changing only the primary-contact flag changes no rights: no mail.
    await w.owner.client.patch(`${base()}/${klara.id}`, { isPrimaryContact: true });
    expect(await accessChangedMails(t.deps, account.email)).toHaveLength(3);
  });

  async function firmName() {
    const { rows } = await t.deps.database.owner.query<{ name: string }>(
      "select name from firms where firm_id = $1",
      [w.firmId],
    );
    return rows[0] as { name: string };
  }

  it("tells an outside person in their account's language, with the firm's default salutation", async () => {
    await newGrant();
    const outsider = await add({ email: "conseil@cabinet.test", name: "Claire Conseil" });
    const account = await createPortalAccount(t.deps, { email: "claire@cabinet.test", language: "fr" });
    await linkGranteeAccount(t.deps, w.firmId, outsider.id, account.userId);
    await act(outsider.id, "revoke");
    const [mail] = await accessChangedMails(t.deps, account.email);
    expect(mail?.language).toBe("fr");
    expect(mail?.subject).toContain("Votre accès");
    expect(mail?.text).toContain("Votre accès a pris fin");
  });

  it("GRANT-7 a lock or revoke ends the account's sessions unless it has access elsewhere", async () => {
    await newGrant();
    const mia = await add({ personId: w.people.mia.id });
    const portal = await signedInPortalAccount(t, { email: "mia@example.test" });
    await linkGranteeAccount(t.deps, w.firmId, mia.id, portal.userId);
    // A second, active grantee of the same account elsewhere keeps the session alive.
    const other = await insertGrant(t.deps, w.firmId, { fileIds: [w.companyFile] });
    const otherGrantee = await insertGrantee(t.deps, w.firmId, {
      grantId: other.id,
      email: "mia@example.test",
      accountId: portal.userId,
    });
    await act(mia.id, "lock");
    expect((await portal.client.get("/api/me")).status).toBe(200);
    await w.owner.client.post(`/api/grants/${other.id}/grantees/${otherGrantee.id}/revoke`);
    expect((await portal.client.get("/api/me")).status).toBe(401);
  });

  it("GRANT-6 only staff the policy allows add or change grantees (403 with the reason)", async () => {
    await newGrant();
    const mia = await add({ personId: w.people.mia.id });
    for (const member of [w.teamMember, w.assistant]) {
      const added = await member.client.post<ErrorBody>(base(), { email: "x@y.test", name: "X" });
      expect(added.status).toBe(403);
      expect(added.body.error.message).toContain("case owner and administrators");
      expect((await member.client.post<ErrorBody>(base(), { personId: w.people.notary.id })).status).toBe(
        403,
      );
      expect((await member.client.patch(`${base()}/${mia.id}`, { access: "read_write" })).status).toBe(403);
      expect((await act(mia.id, "revoke", member.client)).status).toBe(403);
    }
    expect((await w.admin.client.post(base(), { personId: w.people.notary.id })).status).toBe(201);
  });

  it("SEC-11 another firm's grant or grantee answers 404", async () => {
    await newGrant();
    const mia = await add({ personId: w.people.mia.id });
    const b = w.adminB.client;
    expect((await b.post(base(), { personId: w.people.jonas.id })).status).toBe(404);
    expect((await b.patch(`${base()}/${mia.id}`, { access: "read_write" })).status).toBe(404);
    for (const action of ["lock", "unlock", "revoke", "reinstate"])
      expect((await act(mia.id, action, b)).status).toBe(404);
    // A grantee of another grant under this grant's URL is not found either.
    const other = await newGrant();
    expect((await w.owner.client.post(`/api/grants/${other}/grantees/${mia.id}/lock`)).status).toBe(404);
  });
});
