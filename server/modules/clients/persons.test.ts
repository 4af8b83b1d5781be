import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientFile, Person, PersonList } from "../../../contracts/clients.js";
import { createFirm } from "../../../tests/support/factories.js";
import { insertClientFile, signedInStaff } from "../../../tests/support/factories-clients.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

const fieldsOf = (body: unknown) => ((body as ErrorBody).error.details?.fields ?? []).map((f) => f.field);

describe("persons on client files", () => {
  let t: TestApp;
  let firmId: string;
  let admin: Staff;
  let advisor: Staff;
  let teamMember: Staff;
  let outsider: Staff;
  let foreign: Staff;
  let foreignFileId: string;
  let foreignPersonId: string;
  let household: string;
  let company: string;
  let holderId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ firmId } = await createFirm(t.deps, { language: "fr" }));
    admin = await signedInStaff(t, firmId, "admin");
    advisor = await signedInStaff(t, firmId, "advisor");
    teamMember = await signedInStaff(t, firmId, "assistant");
    outsider = await signedInStaff(t, firmId, "advisor");
    const other = await createFirm(t.deps);
    foreign = await signedInStaff(t, other.firmId, "admin");
    foreignFileId = (
      await insertClientFile(t.deps, other.firmId, {
        caseOwnerId: foreign.userId,
        persons: [{ firstName: "Fremd", lastName: "Person", email: "shared@example.de" }],
      })
    ).id;
    foreignPersonId = (await foreign.client.get<PersonList>(`/api/client-files/${foreignFileId}/persons`))
      .body.items[0]?.id as string;

    const file = await advisor.client.post<ClientFile>("/api/client-files", {
      kind: "private",
      displayName: "Muster, Klara",
      teamUserIds: [teamMember.userId],
    });
    household = file.body.id;
    company = (
      await advisor.client.post<ClientFile>("/api/client-files", {
        kind: "business",
        displayName: "Musterfirma",
      })
    ).body.id;
  });
  afterAll(() => t?.close());

  const personsUrl = (fileId: string) => `/api/client-files/${fileId}/persons`;
  const listOf = async (fileId: string, who: Staff = advisor) =>
    (await who.client.get<PersonList>(personsUrl(fileId))).body.items;

  describe("the family tree of a household", () => {
    it("makes the first family member the holder, with the firm's defaults, a normalized email and an E.164 phone", async () => {
      const res = await advisor.client.post<Person>(personsUrl(household), {
        firstName: "Klara",
        lastName: "Muster",
        email: "  Klara.Muster@Example.DE ",
        phone: "030 1234567",
        birthDate: "1980-04-01",
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        role: "holder",
        email: "klara.muster@example.de",
        phoneE164: "+49301234567",
        phoneCountry: "DE",
        salutation: "formal",
        language: "fr",
        birthDate: "1980-04-01",
        sharedEmailWith: [],
      });
      holderId = res.body.id;
    });

    it("parses phones in the given country and keeps the number's own country", async () => {
      const fr = await advisor.client.post<Person>(personsUrl(household), {
        role: "partner",
        firstName: "Jean",
        lastName: "Muster",
        phone: "01 23 45 67 89",
        phoneCountry: "fr",
        salutation: "informal",
        language: "de",
      });
      expect(fr.status).toBe(201);
      expect(fr.body).toMatchObject({
        phoneE164: "+33123456789",
        phoneCountry: "FR",
        salutation: "informal",
        language: "de",
      });
      const international = await advisor.client.post<Person>(personsUrl(household), {
        role: "child",
        firstName: "Lea",
        lastName: "Muster",
        phone: "+41 44 123 45 67",
      });
      expect(international.body).toMatchObject({ phoneE164: "+41441234567", phoneCountry: "CH" });
    });

    it("refuses an impossible phone naming phone, with an example to follow", async () => {
      const res = await advisor.client.post(personsUrl(household), {
        role: "child",
        firstName: "Tim",
        lastName: "Muster",
        phone: "123",
      });
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).error.details?.fields).toEqual([
        { field: "phone", message: expect.stringContaining("+49 30 1234567") },
      ]);
    });

    it.each([
      ["a role of a company", { role: "contact", firstName: "A", lastName: "B" }, ["role"]],
      [
        "a relative without relation",
        { role: "relative", firstName: "A", lastName: "B" },
        ["relationToHolder"],
      ],
      [
        "an advisor without kind",
        { role: "external_advisor", firstName: "A", lastName: "B" },
        ["advisorKind"],
      ],
      ["no role once a holder exists", { firstName: "A", lastName: "B" }, ["role"]],
      ["missing names", { role: "child" }, ["firstName", "lastName"]],
      ["a bad email", { role: "child", firstName: "A", lastName: "B", email: "a@b" }, ["email"]],
      [
        "a future birth date",
        { role: "child", firstName: "A", lastName: "B", birthDate: "2999-01-01" },
        ["birthDate"],
      ],
      [
        "a date that does not exist",
        { role: "child", firstName: "A", lastName: "B", birthDate: "2020-02-30" },
        ["birthDate"],
      ],
      [
        "an unknown salutation",
        { role: "child", firstName: "A", lastName: "B", salutation: "casual" },
        ["salutation"],
      ],
      [
        "an unknown advisor kind",
        { role: "external_advisor", firstName: "A", lastName: "B", advisorKind: "priest" },
        ["advisorKind"],
      ],
    ])("refuses %s, naming the field", async (_, body, fields) => {
      const res = await advisor.client.post(personsUrl(household), body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(fields);
    });

    it("registers relatives with their relation and external advisors with kind and organisation", async () => {
      const relative = await teamMember.client.post<Person>(personsUrl(household), {
        role: "relative",
        relationToHolder: "mother",
        firstName: "Erna",
        lastName: "Muster",
      });
      expect(relative.status).toBe(201);
      expect(relative.body.relationToHolder).toBe("mother");
      const notary = await advisor.client.post<Person>(personsUrl(household), {
        role: "external_advisor",
        advisorKind: "notary",
        organisation: "Notariat am Markt",
        firstName: "Norbert",
        lastName: "Notar",
        isEmployee: true,
      });
      expect(notary.status).toBe(201);
      expect(notary.body).toMatchObject({
        advisorKind: "notary",
        organisation: "Notariat am Markt",
        isEmployee: false,
      });
    });

    it("lists the family holders first, and the file counts them", async () => {
      const items = await listOf(household);
      expect(items.map((p) => p.role)).toEqual([
        "holder",
        "partner",
        "child",
        "relative",
        "external_advisor",
      ]);
      const file = await advisor.client.get<ClientFile>(`/api/client-files/${household}`);
      expect(file.body.counts.persons).toBe(5);
    });

    it("makes another person the holder: the former holder becomes co-holder; then it can be removed", async () => {
      const partner = (await listOf(household)).find((p) => p.role === "partner");
      const deleteHolder = await advisor.client.delete(`${personsUrl(household)}/${holderId}`);
      expect(deleteHolder.status).toBe(409);
      const demote = await advisor.client.patch(`${personsUrl(household)}/${holderId}`, {
        role: "co_holder",
      });
      expect(demote.status).toBe(409);
      expect(fieldsOf(demote.body)).toEqual(["role"]);

      const res = await advisor.client.patch<Person>(`${personsUrl(household)}/${partner?.id}`, {
        role: "holder",
      });
      expect(res.status).toBe(200);
      expect(res.body.role).toBe("holder");
      const roles = Object.fromEntries((await listOf(household)).map((p) => [p.id, p.role]));
      expect(roles[holderId]).toBe("co_holder");
      expect(Object.values(roles).filter((r) => r === "holder")).toHaveLength(1);
      expect((await advisor.client.delete(`${personsUrl(household)}/${holderId}`)).status).toBe(204);
    });

    it("PATCH changes fields, clears the phone, and refuses bad values naming them", async () => {
      const child = (await listOf(household)).find((p) => p.role === "child") as Person;
      const res = await advisor.client.patch<Person>(`${personsUrl(household)}/${child.id}`, {
        firstName: "Leonie",
        email: "LEONIE@example.de",
        phone: null,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        firstName: "Leonie",
        lastName: "Muster",
        email: "leonie@example.de",
        phoneE164: null,
      });
      const bad = await advisor.client.patch(`${personsUrl(household)}/${child.id}`, { phone: "+49 1" });
      expect(fieldsOf(bad.body)).toEqual(["phone"]);
      const wrongRole = await advisor.client.patch(`${personsUrl(household)}/${child.id}`, {
        role: "contact",
      });
      expect(fieldsOf(wrongRole.body)).toEqual(["role"]);
      const relative = await advisor.client.patch(`${personsUrl(household)}/${child.id}`, {
        role: "relative",
      });
      expect(fieldsOf(relative.body)).toEqual(["relationToHolder"]);
    });

    it("keeps the file's search text in step with its persons", async () => {
      const page = await admin.client.get<{ items: Array<{ id: string }> }>(
        "/api/client-files?q=leonie%40example",
      );
      expect(page.body.items.map((i) => i.id)).toEqual([household]);
    });

    it("audits every change with before and after", async () => {
      const actions = await inFirm(t.deps.database, firmId, async (tx) => {
        const { rows } = await tx.client.query<{ action: string; before: unknown; after: unknown }>(
          "select action, before, after from audit_events where client_file_id = $1 and entity_type = 'person' order by at, seq",
          [household],
        );
        return rows;
      });
      expect(actions.filter((a) => a.action === "person.create")).toHaveLength(5);
      const deletion = actions.find((a) => a.action === "person.delete");
      expect(deletion?.before).toMatchObject({ id: holderId, firstName: "Klara" });
      expect(deletion?.after).toBeNull();
      expect(actions.some((a) => a.action === "person.update")).toBe(true);
    });
  });

  describe("contacts of a company", () => {
    it("adds contacts with both contact flags and employees; family roles are refused naming role", async () => {
      const both = await advisor.client.post<Person>(personsUrl(company), {
        firstName: "Carl",
        lastName: "Commerce",
        isCommercialContact: true,
        isOperationalContact: true,
        relationToHolder: "ignored",
      });
      expect(both.status).toBe(201);
      expect(both.body).toMatchObject({
        role: "contact",
        isCommercialContact: true,
        isOperationalContact: true,
        isEmployee: false,
        relationToHolder: null,
      });
      const employee = await advisor.client.post<Person>(personsUrl(company), {
        role: "contact",
        firstName: "Emma",
        lastName: "Employee",
        isEmployee: true,
        organisation: "Buchhaltung",
      });
      expect(employee.body).toMatchObject({ isEmployee: true, organisation: "Buchhaltung" });
      const holder = await advisor.client.post(personsUrl(company), {
        role: "holder",
        firstName: "A",
        lastName: "B",
      });
      expect(holder.status).toBe(400);
      expect(fieldsOf(holder.body)).toEqual(["role"]);
      const lawyer = await advisor.client.post<Person>(personsUrl(company), {
        role: "external_advisor",
        advisorKind: "lawyer",
        firstName: "Lara",
        lastName: "Law",
      });
      expect(lawyer.status).toBe(201);
    });
  });

  describe("shared emails", () => {
    it("flags persons who share an email — never refused — naming where, and counting unseen files", async () => {
      const elsewhere = await insertClientFile(t.deps, firmId, {
        caseOwnerId: admin.userId,
        displayName: "Versteckt, Vera",
        persons: [{ firstName: "Vera", lastName: "Versteckt", email: "shared@example.de" }],
      });
      const first = await advisor.client.post<Person>(personsUrl(company), {
        firstName: "Sam",
        lastName: "Shared",
        email: "Shared@Example.de",
      });
      expect(first.status).toBe(201);
      // The admin's file is not visible to the advisor: counted, not named. The other firm's never.
      expect(first.body.sharedEmailWith).toEqual([]);
      expect(first.body.sharedEmailElsewhere).toBe(1);

      const second = await advisor.client.post<Person>(personsUrl(household), {
        role: "child",
        firstName: "Sina",
        lastName: "Muster",
        email: "shared@example.de",
      });
      expect(second.status).toBe(201);
      expect(second.body.sharedEmailWith).toEqual([
        { personId: first.body.id, name: "Sam Shared", clientFileId: company, clientFileName: "Musterfirma" },
      ]);

      const asAdmin = (await listOf(company, admin)).find((p) => p.id === first.body.id);
      expect(asAdmin?.sharedEmailElsewhere).toBe(0);
      expect(asAdmin?.sharedEmailWith.map((s) => s.clientFileId).sort()).toEqual(
        [household, elsewhere.id].sort(),
      );
    });
  });

  describe("who may do it", () => {
    it("answers 404 to an advisor not on the file for every persons endpoint", async () => {
      const person = (await listOf(household))[0] as Person;
      const answers = await Promise.all([
        outsider.client.get(personsUrl(household)),
        outsider.client.post(personsUrl(household), { role: "child", firstName: "A", lastName: "B" }),
        outsider.client.patch(`${personsUrl(household)}/${person.id}`, { firstName: "X" }),
        outsider.client.delete(`${personsUrl(household)}/${person.id}`),
      ]);
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    });

    it("answers 404 for a person id of another file of the same firm", async () => {
      const person = (await listOf(company))[0] as Person;
      const res = await advisor.client.patch(`${personsUrl(household)}/${person.id}`, { firstName: "X" });
      expect(res.status).toBe(404);
    });

    it("SEC-11 another firm's file and person ids answer 404 on every persons endpoint", async () => {
      const own = (await listOf(household))[0] as Person;
      const answers = await Promise.all([
        admin.client.get(personsUrl(foreignFileId)),
        admin.client.post(personsUrl(foreignFileId), { firstName: "A", lastName: "B" }),
        admin.client.patch(`${personsUrl(foreignFileId)}/${foreignPersonId}`, { firstName: "X" }),
        admin.client.delete(`${personsUrl(foreignFileId)}/${foreignPersonId}`),
        admin.client.patch(`${personsUrl(household)}/${foreignPersonId}`, { firstName: "X" }),
        admin.client.delete(`${personsUrl(household)}/${foreignPersonId}`),
        admin.client.patch(`${personsUrl(household)}/not-an-id`, { firstName: "X" }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
      const theirs = await foreign.client.get<PersonList>(personsUrl(foreignFileId));
      expect(theirs.body.items.map((p) => p.firstName)).toEqual(["Fremd"]);
      expect(own.id).toBeDefined();
    });
  });
});
