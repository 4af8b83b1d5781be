import { Readable } from "node:stream";
import { and, eq, like } from "drizzle-orm";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { recordAudit, systemAuditContext } from "../audit/audit.service.js";
import { clientFiles, persons } from "../clients/clients.tables.js";
import { refreshSearchText } from "../clients/search-text.js";
import { documentCategories, documents, documentVersions } from "../documents/documents.tables.js";
import { createFirmWithDefaults } from "../firms/firms.service.js";
import { firms, installation, staffMembers } from "../firms/firms.tables.js";
import { authAccounts, users } from "../identity/identity.tables.js";
import { assertPasswordAcceptable, hashPassword } from "../identity/password.js";
import {
  assets,
  claims,
  contracts,
  donations,
  linesOfBusiness,
  referenceAddressContracts,
  referenceAddresses,
} from "../records/records.tables.js";
import { seedDemoAccess } from "./demo-access.js";
import { type DemoFile, demoFiles, generatedDemoFiles } from "./demo-data.js";
import { renderDemoPdf } from "./demo-pdf.js";

/** The demo firm's fixed id: running the demo again finds and refreshes the same firm. */
export const DEMO_FIRM_ID = "01960000-0000-7000-8000-0000000de300";
export const DEMO_FIRM_NAME = "Muster & Partner Versicherungsmakler (Demo)";
/** Every demo client file's external id starts with this; they are replaced on each run. */
export const DEMO_PREFIX = "DEMO-";
/** The documented demo sign-in (README, "Demo data"). */
export const DEMO_PASSWORD = "Atrium-Demo-2025";
export const DEMO_ADMIN = { email: "demo@atrium.example", name: "Dana Demo", role: "admin" } as const;
export const DEMO_ADVISOR = {
  email: "berater@atrium.example",
  name: "Bernd Berater",
  role: "advisor",
} as const;

/** What a demo run made. */
export interface DemoSummary {
  firmId: string;
  firmName: string;
  adminEmail: string;
  advisorEmail: string;
  password: string;
  files: number;
  persons: number;
  contracts: number;
  documents: number;
  /** True when the demo firm became the installation's first firm (nothing had been set up). */
  becameFirstFirm: boolean;
}

async function ensureAccount(
  deps: AppDeps,
  account: { email: string; name: string; role: "admin" | "advisor" },
  passwordHash: string,
): Promise<string> {
  return inScope(deps.database, { firmId: DEMO_FIRM_ID }, async (tx) => {
    const [found] = await tx.db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
    const userId = found?.id ?? newId();
    if (!found) {
      await tx.db
        .insert(users)
        .values({ id: userId, name: account.name, email: account.email, language: "de" });
    }
    // The documented password works again even if someone changed it in an earlier demo session.
    await tx.db
      .delete(authAccounts)
      .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")));
    await tx.db
      .insert(authAccounts)
      .values({ id: newId(), accountId: userId, providerId: "credential", userId, password: passwordHash });
    await tx.db
      .insert(staffMembers)
      .values({ firmId: DEMO_FIRM_ID, userId, role: account.role })
      .onConflictDoUpdate({
        target: [staffMembers.firmId, staffMembers.userId],
        set: { role: account.role, active: true, deactivatedAt: null },
      });
    return userId;
  });
}

/** Removes the demo client files (their records and documents cascade) and returns the stored files' keys. */
async function removeDemoFiles(tx: ScopedTx): Promise<string[]> {
  const { rows } = await tx.client.query<{ storage_key: string }>(
    `select v.storage_key from document_versions v
       join documents d on d.firm_id = v.firm_id and d.id = v.document_id
       join client_files f on f.firm_id = d.firm_id and f.id = d.client_file_id
      where f.firm_id = $1 and f.external_id like $2`,
    [DEMO_FIRM_ID, `${DEMO_PREFIX}%`],
  );
  await tx.db
    .delete(clientFiles)
    .where(and(eq(clientFiles.firmId, DEMO_FIRM_ID), like(clientFiles.externalId, `${DEMO_PREFIX}%`)));
  return rows.map((r) => r.storage_key);
}

interface SeedContext {
  deps: AppDeps;
  tx: ScopedTx;
  owners: { admin: string; advisor: string };
  lines: Map<string, string>;
  categories: Map<string, string>;
  counts: { persons: number; contracts: number; documents: number };
}

async function seedFile(ctx: SeedContext, file: DemoFile): Promise<string> {
  const { tx } = ctx;
  const firmId = DEMO_FIRM_ID;
  const fileId = newId();
  await tx.db.insert(clientFiles).values({
    firmId,
    id: fileId,
    kind: file.kind,
    displayName: file.name,
    number: file.number,
    externalId: file.ext,
    caseOwnerId: ctx.owners[file.owner],
    notes: file.notes ?? null,
  });
  if (file.owner === "advisor") {
    await tx.client.query(
      "insert into client_file_team (firm_id, client_file_id, user_id) values ($1, $2, $3)",
      [firmId, fileId, ctx.owners.admin],
    );
  }
  const personIds = new Map<string, string>();
  for (const [i, p] of file.persons.entries()) {
    const id = newId();
    if (p.key) personIds.set(p.key, id);
    await tx.db.insert(persons).values({
      firmId,
      id,
      clientFileId: fileId,
      role: p.role,
      relationToHolder: p.relation ?? null,
      isCommercialContact: p.commercial ?? false,
      isOperationalContact: p.operational ?? false,
      isEmployee: p.employee ?? false,
      advisorKind: p.advisorKind ?? null,
      organisation: p.organisation ?? null,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email ?? null,
      phoneE164: p.phone ?? null,
      phoneCountry: p.phone ? (p.phoneCountry ?? "DE") : null,
      salutation: p.salutation ?? "formal",
      language: p.language ?? "de",
      birthDate: p.birthDate ?? null,
      externalId: `${file.ext}-P${i + 1}`,
    });
    ctx.counts.persons++;
  }
  const contractIds = new Map<string, string>();
  for (const c of file.contracts) {
    const id = newId();
    contractIds.set(c.key, id);
    await tx.db.insert(contracts).values({
      firmId,
      id,
      clientFileId: fileId,
      number: c.number ?? null,
      insurer: c.insurer,
      productName: c.product,
      risk: c.risk,
      lineOfBusinessId: ctx.lines.get(c.line) ?? null,
      status: c.status,
      offerDate: c.offerDate ?? null,
      applicationDate: c.applicationDate ?? null,
      documentDate: c.documentDate ?? null,
      startDate: c.start ?? null,
      premium: c.premium ?? null,
      premiumFrequency: c.frequency ?? null,
      externalId: `${file.ext}-${c.key.toUpperCase()}`,
    });
    ctx.counts.contracts++;
  }
  const addressId = newId();
  await tx.db
    .insert(referenceAddresses)
    .values({ firmId, id: addressId, clientFileId: fileId, ...file.address });
  for (const key of file.address.contracts) {
    const contractId = contractIds.get(key);
    if (contractId) await tx.db.insert(referenceAddressContracts).values({ firmId, addressId, contractId });
  }
  for (const [i, c] of (file.claims ?? []).entries()) {
    await tx.db.insert(claims).values({
      firmId,
      id: newId(),
      clientFileId: fileId,
      contractId: c.contract ? (contractIds.get(c.contract) ?? null) : null,
      claimDate: c.date,
      description: c.description,
      status: c.status,
      amount: c.amount ?? null,
      externalId: `${file.ext}-S${i + 1}`,
    });
  }
  for (const [i, a] of (file.assets ?? []).entries()) {
    await tx.db.insert(assets).values({
      firmId,
      id: newId(),
      clientFileId: fileId,
      kind: a.kind,
      description: a.description,
      value: a.value,
      valuationDate: a.date ?? null,
      externalId: `${file.ext}-A${i + 1}`,
    });
  }
  for (const d of file.donations ?? []) {
    await tx.db.insert(donations).values({
      firmId,
      id: newId(),
      clientFileId: fileId,
      donorPersonId: personIds.get(d.donor) ?? null,
      beneficiaryPersonId: personIds.get(d.beneficiary) ?? null,
      donationDate: d.date,
      amount: d.amount,
      kind: d.kind,
      notes: d.notes ?? null,
    });
  }
  for (const [i, d] of (file.documents ?? []).entries()) {
    const id = newId();
    const contract = d.contract ? file.contracts.find((c) => c.key === d.contract) : undefined;
    const bytes = await renderDemoPdf({
      firmName: DEMO_FIRM_NAME,
      title: d.title,
      clientName: file.name,
      date: d.date,
      lines: [
        contract ? `${contract.insurer} — ${contract.product}` : "",
        contract ? `${contract.risk}` : "",
        contract?.number ? `Nr. ${contract.number}` : "",
        contract?.premium ? `${contract.premium} EUR (${contract.frequency ?? ""})` : "",
      ].filter(Boolean),
    });
    const storageKey = `${firmId}/documents/${id}/1`;
    const stored = await ctx.deps.files.put(storageKey, Readable.from([Buffer.from(bytes)]));
    const fileName = `${d.title
      .normalize("NFD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")}.pdf`;
    await tx.db.insert(documents).values({
      firmId,
      id,
      clientFileId: fileId,
      title: d.title,
      categoryId: ctx.categories.get(d.category) ?? (ctx.categories.get("other") as string),
      contractId: d.contract ? (contractIds.get(d.contract) ?? null) : null,
      documentDate: d.date,
      sharedToPortal: d.shared,
      currentVersion: 1,
      externalId: `${file.ext}-D${i + 1}`,
    });
    await tx.db.insert(documentVersions).values({
      firmId,
      documentId: id,
      version: 1,
      storageKey,
      fileName,
      contentType: "application/pdf",
      sizeBytes: stored.size,
      sha256: stored.sha256,
      uploadedBy: ctx.owners[file.owner],
    });
    ctx.counts.documents++;
  }
  return fileId;
}

/**
 * Creates the demo firm, its two staff accounts and its client files — or refreshes them: the firm
 * and accounts are found by their fixed id and emails, the demo files (external ids "DEMO-…") are
 * replaced as a whole, so running it again gives the same data. Other firms are never touched.
 */
export async function seedDemo(deps: AppDeps, options: { generated?: number } = {}): Promise<DemoSummary> {
  await assertPasswordAcceptable(DEMO_PASSWORD, DEMO_ADMIN.email, "password");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const becameFirstFirm = await inScope(deps.database, { firmId: DEMO_FIRM_ID }, async (tx) => {
    const [firm] = await tx.db.select({ id: firms.firmId }).from(firms).where(eq(firms.firmId, DEMO_FIRM_ID));
    if (!firm) {
      await createFirmWithDefaults(tx, { name: DEMO_FIRM_NAME, language: "de" });
      await tx.db
        .update(firms)
        .set({
          street: "Domplatz 1",
          postalCode: "50667",
          city: "Köln",
          phone: "+49 221 000000",
          email: "kontakt@muster-partner.example",
          website: "https://muster-partner.example",
          // The demo's client signs in with the published password alone; a real firm starts with
          // "any" second factor (Settings › Policies shows the choice).
          secondFactor: "none",
        })
        .where(eq(firms.firmId, DEMO_FIRM_ID));
    }
    // On a fresh installation the demo firm is the first firm, so the app opens on its sign-in page.
    const inserted = await tx.db
      .insert(installation)
      .values({ firstFirmId: DEMO_FIRM_ID })
      .onConflictDoNothing()
      .returning();
    return inserted.length > 0;
  });
  const admin = await ensureAccount(deps, DEMO_ADMIN, passwordHash);
  const advisor = await ensureAccount(deps, DEMO_ADVISOR, passwordHash);

  const files = [...demoFiles, ...generatedDemoFiles(options.generated ?? 60)];
  const counts = { persons: 0, contracts: 0, documents: 0 };
  const oldKeys = await inScope(deps.database, { firmId: DEMO_FIRM_ID }, async (tx) => {
    const removed = await removeDemoFiles(tx);
    const lines = new Map(
      (await tx.db.select().from(linesOfBusiness).where(eq(linesOfBusiness.firmId, DEMO_FIRM_ID))).map(
        (l) => [l.code, l.id],
      ),
    );
    const categories = new Map(
      (await tx.db.select().from(documentCategories).where(eq(documentCategories.firmId, DEMO_FIRM_ID))).map(
        (c) => [c.key, c.id],
      ),
    );
    const ctx: SeedContext = { deps, tx, owners: { admin, advisor }, lines, categories, counts };
    const ids: string[] = [];
    for (const file of files) ids.push(await seedFile(ctx, file));
    await refreshSearchText(tx, ids);
    await seedDemoAccess(tx, DEMO_FIRM_ID, passwordHash);
    await recordAudit(tx, systemAuditContext(deps.clock), {
      action: "demo.seed",
      entityType: "firm",
      entityId: DEMO_FIRM_ID,
      after: { files: files.length, ...counts },
    });
    return removed;
  });
  // The replaced documents' files go only after the new data is committed.
  for (const key of oldKeys) await deps.files.delete(key).catch(() => {});

  return {
    firmId: DEMO_FIRM_ID,
    firmName: DEMO_FIRM_NAME,
    adminEmail: DEMO_ADMIN.email,
    advisorEmail: DEMO_ADVISOR.email,
    password: DEMO_PASSWORD,
    files: files.length,
    ...counts,
    becameFirstFirm,
  };
}
