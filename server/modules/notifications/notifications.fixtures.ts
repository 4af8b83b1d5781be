import { eq } from "drizzle-orm";
import type { GrantSettings } from "../../../contracts/grants.js";
import { uploadParts } from "../../../tests/support/documents-world.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { categoriesOf, makePdf, multipartBody } from "../../../tests/support/factories-documents.js";
import {
  createPortalAccount,
  insertGrant,
  insertGrantee,
  insertPerson,
} from "../../../tests/support/factories-grants.js";
import { createClientFile } from "../../../tests/support/factories-records.js";
import { TestClient } from "../../../tests/support/http.js";
import type { TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { persons } from "../clients/clients.tables.js";
import { firms } from "../firms/firms.tables.js";

// A firm with a company file (operational, commercial and employee contacts) and a household file
// (holder, child, external advisor), each person with a portal account, for the notification tests.

type Flags = { isOperationalContact?: boolean; isCommercialContact?: boolean; isEmployee?: boolean };

/** A person of `fileId` with a portal account that reaches the file through `grantId`. */
async function contactWithAccount(
  t: TestApp,
  firmId: string,
  fileId: string,
  grantId: string,
  input: {
    firstName: string;
    lastName: string;
    role: string;
    language: "de" | "fr" | "en";
    salutation: "formal" | "informal";
  } & Flags,
) {
  const person = await insertPerson(t.deps, firmId, fileId, input);
  await inFirm(t.deps.database, firmId, (tx) =>
    tx.db
      .update(persons)
      .set({
        isOperationalContact: input.isOperationalContact ?? false,
        isCommercialContact: input.isCommercialContact ?? false,
        isEmployee: input.isEmployee ?? false,
      })
      .where(eq(persons.id, person.id)),
  );
  const account = await createPortalAccount(t.deps, { name: person.name, language: "en" });
  await insertGrantee(t.deps, firmId, { grantId, personId: person.id, accountId: account.userId });
  return { personId: person.id, userId: account.userId, email: account.email, password: account.password };
}

/** Builds the world; the staff client is the company file's case owner. */
export async function notificationsWorld(t: TestApp, grantSettings: Partial<GrantSettings> = {}) {
  const firm = await createFirm(t.deps, { name: "Keller & Frei Vorsorge", language: "de" });
  const firmId = firm.firmId;
  await inFirm(t.deps.database, firmId, (tx) =>
    tx.db.update(firms).set({ defaultSalutation: "formal" }).where(eq(firms.firmId, firmId)),
  );
  const owner = await createStaff(t.deps, firmId, { role: "advisor", name: "Olga Owner" });
  const admin = await createStaff(t.deps, firmId, { role: "admin", name: "Ada Admin" });
  const staff = new TestClient(t.app, "en");
  const signedIn = await staff.post("/api/session", { email: owner.email, password: owner.password });
  if (signedIn.status !== 200) throw new Error(`staff sign-in failed: ${signedIn.status}`);
  const companyFile = (
    await createClientFile(t.deps, firmId, {
      caseOwnerId: owner.userId,
      kind: "business",
      displayName: "Musterfirma GmbH",
    })
  ).id;
  const householdFile = (await createClientFile(t.deps, firmId, { caseOwnerId: owner.userId })).id;
  const companyGrant = await insertGrant(t.deps, firmId, { fileIds: [companyFile], settings: grantSettings });
  const householdGrant = await insertGrant(t.deps, firmId, {
    fileIds: [householdFile],
    settings: grantSettings,
  });
  const contact = {
    operational: await contactWithAccount(t, firmId, companyFile, companyGrant.id, {
      firstName: "Odile",
      lastName: "Opérations",
      role: "contact",
      language: "fr",
      salutation: "formal",
      isOperationalContact: true,
    }),
    commercial: await contactWithAccount(t, firmId, companyFile, companyGrant.id, {
      firstName: "Carl",
      lastName: "Commercial",
      role: "contact",
      language: "en",
      salutation: "formal",
      isCommercialContact: true,
    }),
    employee: await contactWithAccount(t, firmId, companyFile, companyGrant.id, {
      firstName: "Emma",
      lastName: "Employee",
      role: "contact",
      language: "de",
      salutation: "informal",
      isEmployee: true,
    }),
    holder: await contactWithAccount(t, firmId, householdFile, householdGrant.id, {
      firstName: "Klara",
      lastName: "Muster",
      role: "holder",
      language: "de",
      salutation: "informal",
    }),
    child: await contactWithAccount(t, firmId, householdFile, householdGrant.id, {
      firstName: "Lena",
      lastName: "Muster",
      role: "child",
      language: "de",
      salutation: "informal",
    }),
    advisor: await contactWithAccount(t, firmId, householdFile, householdGrant.id, {
      firstName: "Norbert",
      lastName: "Notar",
      role: "external_advisor",
      language: "de",
      salutation: "formal",
    }),
  };
  const categories = await categoriesOf(t.deps, firmId);
  const pdf = await makePdf();

  /** Uploads a document through the back office, shared to the portal or not. */
  async function uploadDocument(fileId: string, title: string, category: string, shared = true) {
    const parts = uploadParts(
      { categories } as never,
      { fileName: `${title}.pdf`, content: pdf },
      {
        sharedToPortal: String(shared),
      },
    )
      .map((p) => (p.name === "title" ? { name: "title", value: title } : p))
      .map((p) =>
        p.name === "categoryId" ? { name: "categoryId", value: categories.get(category)?.id ?? "" } : p,
      );
    const { payload, headers } = multipartBody(parts);
    const res = await staff.request<{ id: string }>(
      "POST",
      `/api/client-files/${fileId}/documents`,
      payload,
      headers,
    );
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  return { firmId, owner, admin, staff, companyFile, householdFile, contact, categories, uploadDocument };
}

/** What `notificationsWorld` builds. */
export type NotificationsWorld = Awaited<ReturnType<typeof notificationsWorld>>;
