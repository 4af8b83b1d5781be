import { and, eq, inArray, ne } from "drizzle-orm";
import type { Impact, ImpactRequest, RecordRef } from "../../../contracts/grants.js";
import { decide, type GrantRules } from "../access/sharing-rules.js";
import type { StaffWork } from "../access/staff-scope.js";
import { FieldProblems } from "../records/records.validation.js";
import { assertFilesAllowed, loadGuardedGrant } from "./grant-guard.js";
import { loadRulesOfGrants } from "./grant-rules.js";
import { checkSettingsPatch, mergeSettings } from "./grant-settings.js";
import { granteeStatus, rulesOf, settingsOf } from "./grants.presenter.js";
import { contractsOfFiles, firmOf, listGrantees, listManualContracts } from "./grants.queries.js";
import { grantees } from "./grants.tables.js";
import { type LoadedRecord, loadFileRecords, loadRelated } from "./record-facts.queries.js";

/**
 * The grants through which each account reaches records now, other than `grantId` (active, not
 * expired): a record this change hides is not lost while another of the account's grants shows it.
 */
async function otherGrantsByAccount(work: StaffWork, grantId: string, accountIds: string[]) {
  const byAccount = new Map<string, string[]>();
  if (accountIds.length === 0) return { byAccount, rules: new Map<string, GrantRules>() };
  const rows = await work.tx.db
    .select({
      accountId: grantees.accountId,
      grantId: grantees.grantId,
      status: grantees.status,
      expiresAt: grantees.expiresAt,
    })
    .from(grantees)
    .where(
      and(
        eq(grantees.firmId, firmOf(work.tx)),
        inArray(grantees.accountId, accountIds),
        ne(grantees.grantId, grantId),
      ),
    );
  for (const row of rows) {
    if (!row.accountId || granteeStatus(row, work.audit.at) !== "active") continue;
    byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row.grantId]);
  }
  const rules = await loadRulesOfGrants(work.tx, [...byAccount.values()].flat());
  return { byAccount, rules };
}

/**
 * The effect of an unsaved change of a grant (GRANT-9): for each grantee, the records they would gain
 * and lose. Both versions of the grant are decided with sharing-rules.ts over every record of the
 * files before and after; a record still shown by another of the grantee's grants is neither gained
 * nor lost. Grantees who see nothing now and after (locked, revoked, expired) get empty lists.
 */
export async function grantImpact(work: StaffWork, grantId: string, input: ImpactRequest): Promise<Impact> {
  const guarded = await loadGuardedGrant(work, grantId, "read");
  const { grant } = guarded;
  const beforeFiles = guarded.files.map((f) => f.id);
  const afterFiles = input.fileIds ? [...new Set(input.fileIds)] : beforeFiles;
  if (input.fileIds) await assertFilesAllowed(work, afterFiles, "read", guarded.firm);
  const problems = new FieldProblems();
  await checkSettingsPatch(work.tx, input.settings, problems);
  const beforeManual = (await listManualContracts(work.tx, grantId)).map((c) => c.id);
  let afterManual = [...(await contractsOfFiles(work.tx, beforeManual, afterFiles))];
  if (input.manualContractIds) {
    afterManual = [...new Set(input.manualContractIds)];
    const known = await contractsOfFiles(work.tx, afterManual, afterFiles);
    if (afterManual.some((id) => !known.has(id)))
      problems.add("manualContractIds", "grants.contract_not_in_grant");
  }
  problems.throwIfAny();
  const settings = settingsOf(grant);
  const before = rulesOf(grant, settings, beforeFiles, beforeManual);
  const after = rulesOf(grant, mergeSettings(settings, input.settings), afterFiles, afterManual);

  const records = await loadFileRecords(work.tx, [...new Set([...beforeFiles, ...afterFiles])]);
  const related = await loadRelated(
    work.tx,
    records.map((r) => r.facts),
  );
  const shows = (rules: GrantRules, r: LoadedRecord) => decide(rules, r.facts, related).visible;
  const changed = records
    .map((r) => ({ record: r, was: shows(before, r), will: shows(after, r) }))
    .filter((c) => c.was !== c.will);

  const rows = await listGrantees(work.tx, [grantId]);
  const accounts = [...new Set(rows.flatMap((g) => (g.accountId ? [g.accountId] : [])))];
  const others = await otherGrantsByAccount(work, grantId, accounts);
  return {
    grantees: rows.map((g) => {
      const status = granteeStatus(g, work.audit.at);
      const gains: RecordRef[] = [];
      const losses: RecordRef[] = [];
      if (status === "active" || status === "pending") {
        const otherRules = (g.accountId ? (others.byAccount.get(g.accountId) ?? []) : [])
          .map((id) => others.rules.get(id))
          .filter((r): r is GrantRules => r !== undefined);
        for (const c of changed) {
          if (otherRules.some((r) => shows(r, c.record))) continue;
          (c.will ? gains : losses).push(c.record.ref);
        }
      }
      return { granteeId: g.id, name: g.name, status, gains, losses };
    }),
  };
}
