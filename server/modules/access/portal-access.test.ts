import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { createClaimRow } from "../../../tests/support/factories-documents.js";
import { createPortalAccount, insertGrant, insertGrantee } from "../../../tests/support/factories-grants.js";
import {
  createClientFile,
  createPerson,
  lineOfBusinessId,
} from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { claims, contracts } from "../records/records.tables.js";
import { loadFileAccess, type PortalViewer } from "./portal-access.js";
import { contractVisibleUnder, decide } from "./sharing-rules.js";
import { shownBySomeGrant } from "./visibility.sql.js";

describe("the access engine on the seed-004 example", () => {
  let t: TestApp;
  let firmId: string;
  let klaraFile: string;
  let companyFile: string;
  let viewer: PortalViewer;
  const contractIds: Record<string, string> = {};
  const now = new Date("2026-11-25T12:00:00Z");

  beforeAll(async () => {
    t = await startTestApp();
    ({ firmId } = await createFirm(t.deps));
    const owner = await createStaff(t.deps, firmId, { role: "advisor" });
    klaraFile = (await createClientFile(t.deps, firmId, { caseOwnerId: owner.userId })).id;
    companyFile = (
      await createClientFile(t.deps, firmId, {
        caseOwnerId: owner.userId,
        kind: "business",
        displayName: "Musterfirma",
      })
    ).id;
    const klara = await createPerson(t.deps, firmId, klaraFile);
    const lines = {
      HRV: await lineOfBusinessId(t.deps, firmId, "HRV"),
      KFZ: await lineOfBusinessId(t.deps, firmId, "KFZ"),
      RS: await lineOfBusinessId(t.deps, firmId, "RS"),
    };
    await inFirm(t.deps.database, firmId, async (tx) => {
      for (const [key, fileId, line] of [
        ["klaraHrv", klaraFile, lines.HRV],
        ["companyKfz", companyFile, lines.KFZ],
        ["klaraRs", klaraFile, lines.RS],
      ] as const) {
        contractIds[key] = newId();
        await tx.db.insert(contracts).values({
          firmId,
          id: contractIds[key] as string,
          clientFileId: fileId,
          insurer: "Allianz",
          status: "own",
          documentDate: "2025-01-01",
          lineOfBusinessId: line,
        });
      }
    });
    const grant = await insertGrant(t.deps, firmId, {
      name: "Klara und Musterfirma",
      fileIds: [klaraFile, companyFile],
      settings: {
        contractCategories: ["policy", "own"],
        lineOfBusinessIds: [lines.HRV, lines.KFZ],
        shareClaims: true,
      },
    });
    const account = await createPortalAccount(t.deps);
    await insertGrantee(t.deps, firmId, { grantId: grant.id, personId: klara.id, accountId: account.userId });
    viewer = { kind: "account", accountId: account.userId };
  });
  afterAll(() => t?.close());

  async function visibleContracts(fileId: string) {
    return inFirm(t.deps.database, firmId, async (tx) => {
      const access = await loadFileAccess(tx, viewer, fileId, now);
      const rows = await tx.db
        .select({ id: contracts.id, category: contracts.portalCategory })
        .from(contracts)
        .where(and(eq(contracts.clientFileId, fileId), shownBySomeGrant("contract", access.grantIds)));
      return { access, ids: rows.map((r) => r.id) };
    });
  }

  it("shows HRV on Klara's file and KFZ on Musterfirma, not the third line, in SQL and in the rules", async () => {
    const klara = await visibleContracts(klaraFile);
    expect(klara.ids).toEqual([contractIds.klaraHrv]);
    const company = await visibleContracts(companyFile);
    expect(company.ids).toEqual([contractIds.companyKfz]);
    const grant = klara.access.grants[0]?.rules;
    if (!grant) throw new Error("no grant loaded");
    expect(klara.access.grants[0]?.grantee.role).toBe("holder");
    const facts = (id: string, fileId: string, line: string | null) => ({
      id,
      clientFileId: fileId,
      status: "own" as const,
      offerDate: null,
      applicationDate: null,
      documentDate: "2025-01-01",
      lineOfBusinessId: line,
    });
    expect(
      contractVisibleUnder(
        grant,
        facts(contractIds.klaraHrv as string, klaraFile, grant.lineOfBusinessIds[0] ?? null),
      ),
    ).toBe(true);
    const rs = decide(
      grant,
      { kind: "contract", contract: facts(contractIds.klaraRs as string, klaraFile, newId()) },
      {
        contract: () => undefined,
        claim: () => undefined,
      },
    );
    expect(rs.visible).toBe(false);
    expect(rs.steps.at(-1)?.rule).toBe("contract_line");
  });

  it("hides a claim tied to the hidden contract and shows one without a contract", async () => {
    const free = await createClaimRow(t.deps, firmId, klaraFile);
    const tied = await createClaimRow(t.deps, firmId, klaraFile);
    await inFirm(t.deps.database, firmId, (tx) =>
      tx.db.update(claims).set({ contractId: contractIds.klaraRs }).where(eq(claims.id, tied.id)),
    );
    const ids = await inFirm(t.deps.database, firmId, async (tx) => {
      const access = await loadFileAccess(tx, viewer, klaraFile, now);
      const rows = await tx.db
        .select({ id: claims.id })
        .from(claims)
        .where(and(eq(claims.clientFileId, klaraFile), shownBySomeGrant("claim", access.grantIds)));
      return rows.map((r) => r.id);
    });
    expect(ids).toEqual([free.id]);
  });

  it("a file outside every grant gives no access", async () => {
    const other = await createClientFile(t.deps, firmId, { caseOwnerId: "x" });
    const { access, ids } = await visibleContracts(other.id);
    expect(access.grants).toEqual([]);
    expect(ids).toEqual([]);
  });
});
