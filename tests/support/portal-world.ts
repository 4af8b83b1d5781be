import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import type { GrantSettings } from "../../contracts/grants.js";
import { PREVIEW_HEADER } from "../../contracts/portal.js";
import { auditEvents } from "../../server/modules/audit/audit.tables.js";
import { persons } from "../../server/modules/clients/clients.tables.js";
import { documents, documentVersions } from "../../server/modules/documents/documents.tables.js";
import {
  assets,
  claims,
  contracts,
  donations,
  referenceAddressContracts,
  referenceAddresses,
} from "../../server/modules/records/records.tables.js";
import { inFirm } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { insertCase } from "./cases-world.js";
import { createFirm } from "./factories.js";
import { signedInStaff } from "./factories-clients.js";
import { categoriesOf, makePdf } from "./factories-documents.js";
import { insertGrant, insertGrantee, signedInPortalAccount } from "./factories-grants.js";
import { createClientFile, lineOfBusinessId } from "./factories-records.js";
import type { TestApp } from "./test-app.js";

type PersonSeed = {
  role: string;
  firstName: string;
  lastName: string;
  email?: string;
  phoneE164?: string;
  birthDate?: string;
  advisorKind?: string;
  relationToHolder?: string;
};

/** A person on a file, with contact details, written straight to the database. */
export async function insertPerson(t: TestApp, firmId: string, clientFileId: string, p: PersonSeed) {
  const id = newId();
  await inFirm(t.deps.database, firmId, (tx) =>
    tx.db.insert(persons).values({
      firmId,
      id,
      clientFileId,
      role: p.role,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email ?? null,
      phoneE164: p.phoneE164 ?? null,
      phoneCountry: p.phoneE164 ? "DE" : null,
      birthDate: p.birthDate ?? null,
      advisorKind: p.advisorKind ?? null,
      relationToHolder: p.relationToHolder ?? null,
    }),
  );
  return id;
}

/** A contract with a seed-004 status (own with a document date = policy), written straight. */
export async function insertContract(
  t: TestApp,
  firmId: string,
  clientFileId: string,
  c: { line: string | null; status?: string; risk?: string; productName?: string; premium?: string },
) {
  const id = newId();
  const status = c.status ?? "own";
  await inFirm(t.deps.database, firmId, (tx) =>
    tx.db.insert(contracts).values({
      firmId,
      id,
      clientFileId,
      insurer: "Allianz",
      number: `V-${id.slice(0, 6)}`,
      status,
      documentDate: status === "own" ? "2025-01-01" : null,
      lineOfBusinessId: c.line,
      risk: c.risk ?? null,
      productName: c.productName ?? null,
      premium: c.premium ?? null,
      premiumFrequency: c.premium ? "monthly" : null,
    }),
  );
  return id;
}

/** A document with one stored PDF version. */
export async function insertDocument(
  t: TestApp,
  firmId: string,
  clientFileId: string,
  d: { title: string; categoryId: string; shared: boolean; contractId?: string; claimId?: string },
) {
  const id = newId();
  const key = `${firmId}/documents/${id}/1`;
  const pdf = await makePdf(d.title);
  const stored = await t.deps.files.put(key, Readable.from([pdf]));
  await inFirm(t.deps.database, firmId, async (tx) => {
    await tx.db.insert(documents).values({
      firmId,
      id,
      clientFileId,
      title: d.title,
      categoryId: d.categoryId,
      contractId: d.contractId ?? null,
      claimId: d.claimId ?? null,
      sharedToPortal: d.shared,
    });
    await tx.db.insert(documentVersions).values({
      firmId,
      documentId: id,
      version: 1,
      storageKey: key,
      fileName: `${d.title} ü.pdf`,
      contentType: "application/pdf",
      sizeBytes: stored.size,
      sha256: stored.sha256,
      uploadedBy: "seed",
    });
  });
  return { id, bytes: pdf };
}

/**
 * The seed-004 example: Klara Muster's grant bundles her household file and Musterfirma and shares
 * contracts of HRV and KFZ automatically (policy, own, foreign), not the third line (PHV). Klara is
 * holder with read_write; her partner Max has `read`; Bernd, an outside banker, has read_write. One of
 * everything per kind is visible, one hidden (tied to the PHV contract, or not shared).
 */
export async function seed004World(t: TestApp, settings: Partial<GrantSettings> = {}) {
  const firm = await createFirm(t.deps, { name: "Musterberatung", language: "en" });
  const firmId = firm.firmId;
  const owner = await signedInStaff(t, firmId, "advisor", "Olga Owner");
  const assistant = await signedInStaff(t, firmId, "assistant", "Anton Assistant");
  const klaraFile = (await createClientFile(t.deps, firmId, { caseOwnerId: owner.userId })).id;
  const companyFile = (
    await createClientFile(t.deps, firmId, {
      caseOwnerId: owner.userId,
      kind: "business",
      displayName: "Musterfirma",
    })
  ).id;
  const person = {
    klara: await insertPerson(t, firmId, klaraFile, {
      role: "holder",
      firstName: "Klara",
      lastName: "Muster",
      email: "klara@example.test",
      phoneE164: "+49301234567",
      birthDate: "1980-04-02",
    }),
    max: await insertPerson(t, firmId, klaraFile, {
      role: "partner",
      firstName: "Max",
      lastName: "Muster",
      email: "max@example.test",
      phoneE164: "+49301234568",
      birthDate: "1979-01-15",
    }),
    lena: await insertPerson(t, firmId, klaraFile, { role: "child", firstName: "Lena", lastName: "Muster" }),
    oma: await insertPerson(t, firmId, klaraFile, {
      role: "relative",
      firstName: "Erna",
      lastName: "Muster",
      email: "erna@example.test",
      relationToHolder: "mother",
    }),
    bernd: await insertPerson(t, firmId, klaraFile, {
      role: "external_advisor",
      firstName: "Bernd",
      lastName: "Banker",
      email: "bernd@bank.test",
      advisorKind: "banker",
    }),
    companyContact: await insertPerson(t, firmId, companyFile, {
      role: "contact",
      firstName: "Klara",
      lastName: "Muster",
      email: "klara@musterfirma.test",
    }),
  };
  const line = {
    HRV: await lineOfBusinessId(t.deps, firmId, "HRV"),
    KFZ: await lineOfBusinessId(t.deps, firmId, "KFZ"),
    PHV: await lineOfBusinessId(t.deps, firmId, "PHV"),
  };
  const contract = {
    klaraHrv: await insertContract(t, firmId, klaraFile, {
      line: line.HRV,
      risk: "Household contents",
      productName: "Hausrat Komfort",
      premium: "12.50",
    }),
    klaraForeignHrv: await insertContract(t, firmId, klaraFile, { line: line.HRV, status: "foreign" }),
    klaraPhv: await insertContract(t, firmId, klaraFile, { line: line.PHV, risk: "Liability" }),
    companyKfz: await insertContract(t, firmId, companyFile, { line: line.KFZ, risk: "Company car" }),
  };
  const ids = { asset: newId(), hiddenAsset: newId(), donation: newId() };
  const claim = { onHrv: newId(), onPhv: newId(), free: newId() };
  const address = { onHrv: newId(), onPhv: newId() };
  await inFirm(t.deps.database, firmId, async (tx) => {
    await tx.db.insert(assets).values([
      {
        firmId,
        id: ids.asset,
        clientFileId: klaraFile,
        kind: "real_estate",
        description: "House",
        value: "350000.00",
      },
      {
        firmId,
        id: newId(),
        clientFileId: klaraFile,
        kind: "bank_account",
        description: "Savings",
        value: "1000.50",
      },
    ]);
    await tx.db.insert(donations).values({
      firmId,
      id: ids.donation,
      clientFileId: klaraFile,
      donorPersonId: person.klara,
      beneficiaryPersonId: person.lena,
      donationDate: "2024-06-01",
      amount: "5000.00",
      kind: "cash",
    });
    for (const [id, contractId] of [
      [claim.onHrv, contract.klaraHrv],
      [claim.onPhv, contract.klaraPhv],
      [claim.free, null],
    ] as const)
      await tx.db.insert(claims).values({
        firmId,
        id,
        clientFileId: klaraFile,
        contractId,
        claimDate: "2026-01-10",
        description: "Water damage",
      });
    for (const [id, contractId] of [
      [address.onHrv, contract.klaraHrv],
      [address.onPhv, contract.klaraPhv],
    ] as const) {
      await tx.db.insert(referenceAddresses).values({
        firmId,
        id,
        clientFileId: klaraFile,
        label: `Home ${id.slice(0, 4)}`,
        street: "Weg 1",
        postalCode: "10115",
        city: "Berlin",
      });
      await tx.db.insert(referenceAddressContracts).values({ firmId, addressId: id, contractId });
    }
  });
  const categories = await categoriesOf(t.deps, firmId);
  const policyCategory = categories.get("policy")?.id ?? "";
  const document = {
    shared: await insertDocument(t, firmId, klaraFile, {
      title: "Policy HRV",
      categoryId: policyCategory,
      shared: true,
      contractId: contract.klaraHrv,
    }),
    unshared: await insertDocument(t, firmId, klaraFile, {
      title: "Internal note",
      categoryId: policyCategory,
      shared: false,
    }),
    onHiddenContract: await insertDocument(t, firmId, klaraFile, {
      title: "Policy PHV",
      categoryId: policyCategory,
      shared: true,
      contractId: contract.klaraPhv,
    }),
  };
  const grant = await insertGrant(t.deps, firmId, {
    name: "Klara und Musterfirma",
    fileIds: [klaraFile, companyFile],
    settings: {
      contractCategories: ["policy", "own", "foreign"],
      lineOfBusinessIds: [line.HRV, line.KFZ],
      shareClaims: true,
      shareAddresses: true,
      shareDonations: true,
      caseHandlerId: owner.userId,
      showCaseHandler: true,
      features: ["messages", "claim_reporting"],
      ...settings,
    },
  });
  const klara = await signedInPortalAccount(t, { name: "Klara Muster" });
  const max = await signedInPortalAccount(t, { name: "Max Muster" });
  const bernd = await signedInPortalAccount(t, { name: "Bernd Banker" });
  const grantee = {
    klara: (
      await insertGrantee(t.deps, firmId, {
        grantId: grant.id,
        personId: person.klara,
        accountId: klara.userId,
        access: "read_write",
        name: "Klara Muster",
      })
    ).id,
    max: (
      await insertGrantee(t.deps, firmId, {
        grantId: grant.id,
        personId: person.max,
        accountId: max.userId,
        access: "read",
        name: "Max Muster",
      })
    ).id,
    bernd: (
      await insertGrantee(t.deps, firmId, {
        grantId: grant.id,
        personId: person.bernd,
        accountId: bernd.userId,
        access: "read_write",
        name: "Bernd Banker",
      })
    ).id,
  };
  // A case Bernd opened on Klara's file: seen by him and by the household (Klara, Max).
  const kase = await insertCase(t, firmId, {
    clientFileId: klaraFile,
    grantId: grant.id,
    assigneeUserId: owner.userId,
    accountId: bernd.userId,
    personId: person.bernd,
    name: "Bernd Banker",
  });
  const base = `/api/portal/firms/${firmId}/files`;
  return {
    kase,
    firmId,
    klaraFile,
    companyFile,
    person,
    line,
    contract,
    claim,
    address,
    document,
    ids,
    grant,
    grantee,
    owner,
    assistant,
    klara,
    max,
    bernd,
    /** `/api/portal/firms/<firm>/files/<file>/<rest>`. */
    url: (fileId: string, rest: string) => `${base}/${fileId}/${rest}`,
  };
}

export type Seed004World = Awaited<ReturnType<typeof seed004World>>;

/** The preview header for a staff member looking as `granteeId`. */
export function previewAs(granteeId: string): Record<string, string> {
  return { [PREVIEW_HEADER]: granteeId };
}

/** The ids in a list answer. */
export function idsOf(items: Array<{ id: string }>): string[] {
  return items.map((i) => i.id).sort();
}

/** The audit events of the firm with `action`, oldest first. */
export async function auditWithAction(t: TestApp, firmId: string, action: string) {
  return inFirm(t.deps.database, firmId, (tx) =>
    tx.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(auditEvents.seq),
  );
}

/**
 * Every row of the firm's record tables and grantees, as one string: "did anything change?" `plus`
 * adds tables (e.g. an account's own state), `minus` leaves some out (e.g. the audit trail).
 */
export async function firmSnapshot(
  t: TestApp,
  firmId: string,
  options: { plus?: string[]; minus?: string[] } = {},
): Promise<string> {
  const all = [
    "client_files",
    "persons",
    "contracts",
    "assets",
    "claims",
    "reference_addresses",
    "reference_address_contracts",
    "donations",
    "documents",
    "grantees",
    "grants",
    "audit_events",
    "cases",
    "case_messages",
    "case_attachments",
    "confirmation_requests",
    "confirmation_evidence",
    ...(options.plus ?? []),
  ];
  const tables = all.filter((table) => !options.minus?.includes(table));
  const rows = await inFirm(t.deps.database, firmId, async ({ client }) => {
    const out: Record<string, unknown> = {};
    // A refusal is audited (REL-5, `access.denied`); "nothing changed" means nothing but that row.
    for (const table of tables)
      out[table] = (
        await client.query(
          `select * from ${table} t ${table === "audit_events" ? "where t.action <> 'access.denied'" : ""} order by t::text`,
        )
      ).rows;
    return out;
  });
  return JSON.stringify(rows);
}
