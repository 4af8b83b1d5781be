import type { Explain, ExplainQuery, ExplainRule, RecordKind } from "../../../contracts/grants.js";
import { recordKinds } from "../../../contracts/grants.js";
import { AppError } from "../../platform/errors.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import { decide } from "../access/sharing-rules.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { FieldProblems } from "../records/records.validation.js";
import { labelSteps } from "./explain-labels.js";
import { loadGuardedGrant } from "./grant-guard.js";
import { loadRulesOfGrants } from "./grant-rules.js";
import { granteeStatus, presentGrantee } from "./grants.presenter.js";
import { findGrantee, type GranteeRow } from "./grants.queries.js";
import { loadRecords, loadRelated } from "./record-facts.queries.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A grantee the actor may look at: 404 unless the actor sees every file its grant bundles. */
async function loadVisibleGrantee(work: StaffWork, granteeId: string): Promise<GranteeRow> {
  const row = await findGrantee(work.tx, granteeId);
  if (!row) throw new AppError("not_found");
  await loadGuardedGrant(work, row.grantId, "read");
  return row;
}

function checkQuery(query: Partial<Record<keyof ExplainQuery, string>>): ExplainQuery {
  const problems = new FieldProblems();
  const kind = query.kind as RecordKind | undefined;
  if (!kind) problems.add("kind", "field.required");
  else if (!recordKinds.includes(kind))
    problems.add("kind", "field.choice", { options: recordKinds.join(", ") });
  if (!query.recordId) problems.add("recordId", "field.required");
  else if (!uuid.test(query.recordId)) problems.add("recordId", "field.type");
  problems.throwIfAny();
  return { kind: kind as RecordKind, recordId: query.recordId as string };
}

/**
 * Explain (GRANT-9): whether the grantee sees the record through their grant, and why — the
 * grantee's status first (a pending, locked, revoked or expired grantee sees nothing), then the
 * sharing rules as decide() checks them; the first failed step is the reason. Each step carries the
 * labels of what it names (file, line, category, tied contract or claim). The record must be one
 * the actor may see (404 otherwise); the grantee's other grants are not considered here.
 */
export async function explainVisibility(
  work: StaffWork,
  granteeId: string,
  rawQuery: Partial<Record<keyof ExplainQuery, string>>,
): Promise<Explain> {
  const grantee = await loadVisibleGrantee(work, granteeId);
  const query = checkQuery(rawQuery);
  const [record] = await loadRecords(work.tx, query.kind, { ids: [query.recordId] });
  if (!record) throw new AppError("not_found");
  await assertCanOnFile(work.tx, work.actor, "client_file.read", record.ref.clientFileId);
  const rules = (await loadRulesOfGrants(work.tx, [grantee.grantId])).get(grantee.grantId);
  if (!rules) throw new AppError("not_found");
  const decision = decide(rules, record.facts, await loadRelated(work.tx, [record.facts]));
  const status = granteeStatus(grantee, work.audit.at);
  const steps = await labelSteps(
    work.tx,
    [
      { rule: "grantee_status", passed: status === "active", params: { status } },
      ...decision.steps.map((s) => ({
        rule: s.rule as ExplainRule,
        passed: s.passed,
        params: s.params ?? {},
      })),
    ],
    { fileId: record.ref.clientFileId, grantName: rules.name },
  );
  const failed = steps.find((s) => !s.passed);
  return {
    visible: failed === undefined,
    sharedByGrant: decision.visible,
    status,
    grant: { id: rules.id, name: rules.name },
    grantee: { id: grantee.id, name: grantee.name },
    record: record.ref,
    steps,
    reason: failed?.rule ?? null,
  };
}

/**
 * Starts a preview (GRANT-8): the portal as this grantee sees it, read-only. Only a grantee who sees
 * something can be previewed — active, or pending (as they will see it once they join); a locked,
 * revoked or expired grantee sees nothing (409 saying so). Audited; the portal reads the id from the URL.
 */
export async function startPreview(work: StaffWork, granteeId: string) {
  const grantee = await loadVisibleGrantee(work, granteeId);
  const status = granteeStatus(grantee, work.audit.at);
  if (status !== "active" && status !== "pending")
    throw new AppError("conflict", "grants.preview_sees_nothing", {}, { status });
  await recordAudit(work.tx, work.audit, {
    action: "grantee.preview",
    entityType: "grantee",
    entityId: grantee.id,
    clientFileId: grantee.personFileId,
    before: null,
    after: presentGrantee(grantee, work.audit.at),
  });
  return { granteeId: grantee.id, url: `/portal?preview=${grantee.id}` };
}
