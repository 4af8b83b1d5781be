import { and, eq, inArray } from "drizzle-orm";
import type { Explain } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { clientFiles } from "../clients/clients.tables.js";
import { documentCategories } from "../documents/documents.tables.js";
import { claims, contracts, linesOfBusiness } from "../records/records.tables.js";
import { firmOf } from "./grants.queries.js";

// Explain's steps name what they checked by id; staff read names. These loaders add the labels people
// know (a line's code and name, a category's name, a contract's insurer and number, a claim's date and
// description), one query per kind of label actually needed, so the dialog never shows an id.

type Step = Explain["steps"][number];

function idsOf(steps: readonly Step[], rule: Step["rule"], param: string): string[] {
  const ids = steps.filter((s) => s.rule === rule).map((s) => s.params[param] ?? "");
  return [...new Set(ids.filter((id) => id !== ""))];
}

async function lineLabels(tx: ScopedTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { code: string; name: string }>();
  const rows = await tx.db
    .select({ id: linesOfBusiness.id, code: linesOfBusiness.code, name: linesOfBusiness.name })
    .from(linesOfBusiness)
    .where(and(eq(linesOfBusiness.firmId, firmOf(tx)), inArray(linesOfBusiness.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

async function categoryLabels(tx: ScopedTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx.db
    .select({ id: documentCategories.id, name: documentCategories.name })
    .from(documentCategories)
    .where(and(eq(documentCategories.firmId, firmOf(tx)), inArray(documentCategories.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function contractLabels(tx: ScopedTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, Record<string, string>>();
  const rows = await tx.db
    .select({
      id: contracts.id,
      insurer: contracts.insurer,
      number: contracts.number,
      lineCode: linesOfBusiness.code,
    })
    .from(contracts)
    .leftJoin(
      linesOfBusiness,
      and(eq(linesOfBusiness.firmId, contracts.firmId), eq(linesOfBusiness.id, contracts.lineOfBusinessId)),
    )
    .where(and(eq(contracts.firmId, firmOf(tx)), inArray(contracts.id, ids)));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        contractInsurer: r.insurer,
        ...(r.number ? { contractNumber: r.number } : {}),
        ...(r.lineCode ? { contractLineCode: r.lineCode } : {}),
      },
    ]),
  );
}

async function claimLabels(tx: ScopedTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { claimDate: string; claimDescription: string }>();
  const rows = await tx.db
    .select({ id: claims.id, claimDate: claims.claimDate, claimDescription: claims.description })
    .from(claims)
    .where(and(eq(claims.firmId, firmOf(tx)), inArray(claims.id, ids)));
  return new Map(rows.map((r) => [r.id, { claimDate: r.claimDate, claimDescription: r.claimDescription }]));
}

async function fileLabel(tx: ScopedTx, fileId: string) {
  const [row] = await tx.db
    .select({ fileName: clientFiles.displayName, fileNumber: clientFiles.number })
    .from(clientFiles)
    .where(and(eq(clientFiles.firmId, firmOf(tx)), eq(clientFiles.id, fileId)));
  return row;
}

/**
 * Adds to each step the labels of what it names: the record's file and the grant (file_in_grant), the
 * line (contract_line), the document category, the tied contract or claim. Ids stay for links.
 */
export async function labelSteps(
  tx: ScopedTx,
  steps: readonly Step[],
  context: { fileId: string; grantName: string },
): Promise<Step[]> {
  const lines = await lineLabels(tx, idsOf(steps, "contract_line", "lineOfBusinessId"));
  const categories = await categoryLabels(tx, idsOf(steps, "document_category", "categoryId"));
  const tiedContracts = await contractLabels(tx, idsOf(steps, "tied_contract", "contractId"));
  const tiedClaims = await claimLabels(tx, idsOf(steps, "tied_claim", "claimId"));
  const file = steps.some((s) => s.rule === "file_in_grant")
    ? await fileLabel(tx, context.fileId)
    : undefined;
  return steps.map((step) => {
    const p = step.params;
    const add = (labels: Record<string, string> | undefined) => ({ ...step, params: { ...p, ...labels } });
    switch (step.rule) {
      case "file_in_grant":
        return add({ fileId: context.fileId, grantName: context.grantName, ...file });
      case "contract_line": {
        const line = lines.get(p.lineOfBusinessId ?? "");
        return add(line ? { lineCode: line.code, lineName: line.name } : undefined);
      }
      case "document_category": {
        const name = categories.get(p.categoryId ?? "");
        return add(name !== undefined ? { categoryName: name } : undefined);
      }
      case "tied_contract":
        return add(tiedContracts.get(p.contractId ?? ""));
      case "tied_claim":
        return add(tiedClaims.get(p.claimId ?? ""));
      default:
        return step;
    }
  });
}
