import { and, eq } from "drizzle-orm";
import type { AccessLevel, GrantSettings, StoredGranteeStatus } from "../../contracts/grants.js";
import { defaultGrantSettings } from "../../contracts/grants.js";
import type { AppDeps } from "../../server/deps.js";
import { persons } from "../../server/modules/clients/clients.tables.js";
import { grantContracts, grantees, grantFiles, grants } from "../../server/modules/grants/grants.tables.js";
import { authAccounts, users } from "../../server/modules/identity/identity.tables.js";
import { hashPassword } from "../../server/modules/identity/password.js";
import { contracts } from "../../server/modules/records/records.tables.js";
import { inFirm, inScope } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { createFirm, createStaff } from "./factories.js";
import { createClientFile, lineOfBusinessId } from "./factories-records.js";
import { TestClient } from "./http.js";
import type { TestApp } from "./test-app.js";

let counter = 0;

/** A grant written straight to the database, bundling `fileIds`, with settings over the defaults. */
export async function insertGrant(
  deps: AppDeps,
  firmId: string,
  input: {
    name?: string;
    fileIds: string[];
    settings?: Partial<GrantSettings>;
    manualContractIds?: string[];
  },
) {
  const id = newId();
  const settings = { ...defaultGrantSettings, ...input.settings };
  await inFirm(deps.database, firmId, async (tx) => {
    await tx.db.insert(grants).values({ firmId, id, name: input.name ?? `Grant ${++counter}`, ...settings });
    for (const clientFileId of input.fileIds)
      await tx.db.insert(grantFiles).values({ firmId, grantId: id, clientFileId });
    for (const contractId of input.manualContractIds ?? [])
      await tx.db.insert(grantContracts).values({ firmId, grantId: id, contractId });
  });
  return { id };
}

/** A grantee written straight to the database (a person of a bundled file, or an outsider by email). */
export async function insertGrantee(
  deps: AppDeps,
  firmId: string,
  input: {
    grantId: string;
    personId?: string;
    email?: string;
    name?: string;
    accountId?: string;
    access?: AccessLevel;
    status?: StoredGranteeStatus;
    expiresAt?: Date;
    isPrimaryContact?: boolean;
  },
) {
  const id = newId();
  await inFirm(deps.database, firmId, (tx) =>
    tx.db.insert(grantees).values({
      firmId,
      id,
      grantId: input.grantId,
      personId: input.personId ?? null,
      email: input.email ?? null,
      name: input.name ?? `Grantee ${++counter}`,
      accountId: input.accountId ?? null,
      access: input.access ?? "read",
      status: input.status ?? (input.accountId ? "active" : "pending"),
      expiresAt: input.expiresAt ?? null,
      isPrimaryContact: input.isPrimaryContact ?? false,
    }),
  );
  return { id };
}

/** A portal account (no staff membership) with a password, as registration will create it. */
export async function createPortalAccount(
  deps: AppDeps,
  input: { email?: string; name?: string; password?: string; language?: "de" | "fr" | "en" } = {},
) {
  const userId = newId();
  const email = input.email ?? `client-${Date.now().toString(36)}${++counter}@example.test`;
  const password = input.password ?? "a quiet harbour at night";
  const name = input.name ?? "Claire Client";
  const passwordHash = await hashPassword(password);
  await inScope(deps.database, { userId }, async (tx) => {
    await tx.db.insert(users).values({ id: userId, name, email, language: input.language ?? "en" });
    await tx.db
      .insert(authAccounts)
      .values({ id: newId(), accountId: userId, providerId: "credential", userId, password: passwordHash });
  });
  return { userId, email, password, name };
}

/** A portal account signed in through the real session endpoint. */
export async function signedInPortalAccount(
  t: TestApp,
  input: Parameters<typeof createPortalAccount>[1] = {},
) {
  const account = await createPortalAccount(t.deps, input);
  const client = new TestClient(t.app, input.language ?? "en");
  const res = await client.post("/api/session", { email: account.email, password: account.password });
  if (res.status !== 200) throw new Error(`portal sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...account, client };
}

/** Gives a grantee an account, as accepting an invitation will (status `active` unless told otherwise). */
export async function linkGranteeAccount(
  deps: AppDeps,
  firmId: string,
  granteeId: string,
  accountId: string,
  status: StoredGranteeStatus = "active",
) {
  await inFirm(deps.database, firmId, (tx) =>
    tx.db
      .update(grantees)
      .set({ accountId, status })
      .where(and(eq(grantees.firmId, firmId), eq(grantees.id, granteeId))),
  );
}

/** The access-changed mails queued for `email`, oldest first (read from the outbox as the owner). */
export async function accessChangedMails(deps: AppDeps, email: string) {
  const { rows } = await deps.database.owner.query<{
    subject: string;
    text: string;
    language: string;
    meta: Record<string, unknown>;
  }>(
    "select subject, text, language, meta from mail_outbox where to_address = $1 and template = 'access-changed' order by created_at, id",
    [email],
  );
  return rows;
}

/** A person on a file with the fields grants care about, inserted directly. */
export async function insertPerson(
  deps: AppDeps,
  firmId: string,
  clientFileId: string,
  input: {
    firstName: string;
    lastName: string;
    role: string;
    email?: string;
    language?: "de" | "fr" | "en";
    salutation?: "formal" | "informal";
  },
) {
  const id = newId();
  await inFirm(deps.database, firmId, (tx) =>
    tx.db.insert(persons).values({
      firmId,
      id,
      clientFileId,
      role: input.role,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      language: input.language ?? "de",
      salutation: input.salutation ?? "formal",
      advisorKind: input.role === "external_advisor" ? "notary" : null,
    }),
  );
  return { id, name: `${input.firstName} ${input.lastName}` };
}

/** A contract of seed-004 shape (status `own`, a document date: category `policy`) in one line. */
export async function insertPolicy(
  deps: AppDeps,
  firmId: string,
  clientFileId: string,
  input: { lineOfBusinessId: string | null; insurer?: string; status?: string; documentDate?: string | null },
) {
  const id = newId();
  await inFirm(deps.database, firmId, (tx) =>
    tx.db.insert(contracts).values({
      firmId,
      id,
      clientFileId,
      insurer: input.insurer ?? "Allianz",
      status: input.status ?? "own",
      documentDate: input.documentDate === undefined ? "2025-01-01" : input.documentDate,
      lineOfBusinessId: input.lineOfBusinessId,
    }),
  );
  return { id };
}

/**
 * The seed-004 world for grant tests. In firm A (German): an admin; the case owner of Klara Muster's
 * household file and of her company Musterfirma; a team member (advisor) and an assistant on both
 * files; an advisor on neither. Klara's file has Klara (holder), Jonas (co-holder), Mia (child) and a
 * notary (external advisor); Musterfirma a contact. Contracts: HRV on Klara's file, KFZ on the
 * company's, RS (the third line) on Klara's — all policies. Firm B has an admin and a file.
 */
export async function createGrantsWorld(t: TestApp) {
  const firm = await createFirm(t.deps, { language: "de" });
  const firmB = await createFirm(t.deps, { language: "en" });
  const firmId = firm.firmId;
  const staff = async (role: "admin" | "advisor" | "assistant", f = firmId) => {
    const member = await createStaff(t.deps, f, { role, name: `${role} ${++counter}` });
    const client = new TestClient(t.app, "en");
    const res = await client.post("/api/session", { email: member.email, password: member.password });
    if (res.status !== 200) throw new Error(`staff sign-in failed: ${res.status}`);
    return { ...member, client };
  };
  const admin = await staff("admin");
  const owner = await staff("advisor");
  const teamMember = await staff("advisor");
  const assistant = await staff("assistant");
  const stranger = await staff("advisor");
  const adminB = await staff("admin", firmB.firmId);
  const team = [teamMember.userId, assistant.userId];
  const klaraFile = await createClientFile(t.deps, firmId, { caseOwnerId: owner.userId, teamUserIds: team });
  const companyFile = await createClientFile(t.deps, firmId, {
    caseOwnerId: owner.userId,
    teamUserIds: team,
    kind: "business",
    displayName: "Musterfirma",
  });
  const fileB = await createClientFile(t.deps, firmB.firmId, { caseOwnerId: adminB.userId });
  const person = (fileId: string, input: Parameters<typeof insertPerson>[3]) =>
    insertPerson(t.deps, firmId, fileId, input);
  const people = {
    klara: await person(klaraFile.id, {
      firstName: "Klara",
      lastName: "Muster",
      role: "holder",
      email: "klara@example.test",
      language: "de",
      salutation: "informal",
    }),
    jonas: await person(klaraFile.id, { firstName: "Jonas", lastName: "Muster", role: "co_holder" }),
    mia: await person(klaraFile.id, { firstName: "Mia", lastName: "Muster", role: "child" }),
    notary: await person(klaraFile.id, {
      firstName: "Nora",
      lastName: "Notar",
      role: "external_advisor",
      email: "nora@notare.test",
      language: "fr",
    }),
    contact: await person(companyFile.id, { firstName: "Erik", lastName: "Berg", role: "contact" }),
  };
  const lines = {
    HRV: await lineOfBusinessId(t.deps, firmId, "HRV"),
    KFZ: await lineOfBusinessId(t.deps, firmId, "KFZ"),
    RS: await lineOfBusinessId(t.deps, firmId, "RS"),
  };
  const contractIds = {
    klaraHrv: (await insertPolicy(t.deps, firmId, klaraFile.id, { lineOfBusinessId: lines.HRV })).id,
    companyKfz: (await insertPolicy(t.deps, firmId, companyFile.id, { lineOfBusinessId: lines.KFZ })).id,
    klaraRs: (await insertPolicy(t.deps, firmId, klaraFile.id, { lineOfBusinessId: lines.RS })).id,
  };
  return {
    firmId,
    firmB: firmB.firmId,
    admin,
    owner,
    teamMember,
    assistant,
    stranger,
    adminB,
    klaraFile: klaraFile.id,
    companyFile: companyFile.id,
    fileB: fileB.id,
    people,
    lines,
    contractIds,
  };
}

/** The world `createGrantsWorld` builds. */
export type GrantsWorld = Awaited<ReturnType<typeof createGrantsWorld>>;
