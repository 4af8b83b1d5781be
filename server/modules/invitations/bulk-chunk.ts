import { and, eq, getTableColumns, inArray } from "drizzle-orm";
import { insertRows } from "../../platform/db/insert-rows.js";
import type { BatchRenderer } from "../../platform/mail/render.js";
import { issueTokens } from "../../platform/tokens/one-time-tokens.js";
import { staffCanOnFile } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { type AuditEvent, recordAudits } from "../audit/audit.service.js";
import { managementRefusal } from "../grants/grant-guard.js";
import { ensureDefaultProfiles } from "../grants/grant-profiles.service.js";
import { loadFirmForGrants } from "../grants/grant-settings.js";
import type { GranteeRow } from "../grants/grants.queries.js";
import { listGrantees, listGrantFiles, loadFileStandings } from "../grants/grants.queries.js";
import { grantees, grantProfiles } from "../grants/grants.tables.js";
import { createGrantsWithGrantees } from "../grants/grants-bulk.service.js";
import { users } from "../identity/identity.tables.js";
import { recordWebhookEvent } from "../webhooks/webhooks.events.js";
import type { BulkSkip, StoredBulkOptions } from "./bulk-invitations.service.js";
import { queueInvitationMails } from "./bulk-mail.js";
import { type PlannedFile, planFiles } from "./bulk-plan.js";
import {
  accessNoticeMail,
  CLIENT_INVITATION,
  type InvitationMailDeps,
  invitationMail,
  loadInvitingFirm,
} from "./invitation-mail.js";
import { presentInvitation } from "./invitations.presenter.js";
import { firmOf, type InvitationMailRow, type InvitationRow } from "./invitations.queries.js";
import {
  endInvitationsOfGrantees,
  type InvitationPlan,
  invitationRowOf,
  invitationVoice,
} from "./invitations.service.js";
import { clientInvitations } from "./invitations.tables.js";

// Every column of an invitation: the audit presents the stored row.
const invitationColumns = Object.keys(getTableColumns(clientInvitations)) as Array<keyof InvitationRow>;

/** What one unit of a run came to. */
export interface UnitOutcome {
  invited: number;
  notified: number;
  skips: BulkSkip[];
}

/** A unit about to be invited: its ready files and the grantee who stands for them. */
interface Target {
  unit: number;
  ready: PlannedFile[];
  grantee: GranteeRow;
}

/** A unit refused by a rule while it was worked: skipped whole, as the unit-by-unit path skips it. */
const refused = (unit: readonly string[]): UnitOutcome => ({
  invited: 0,
  notified: 0,
  skips: unit.map((fileId) => ({ fileId, fileName: "", reason: "not_allowed" as const })),
});

/** The profiles new grants start from when the run chose none: the firm's household and company ones. */
async function defaultProfiles(work: StaffWork) {
  await ensureDefaultProfiles(work);
  const rows = await work.tx.db
    .select({ id: grantProfiles.id, key: grantProfiles.key })
    .from(grantProfiles)
    .where(
      and(
        eq(grantProfiles.firmId, firmOf(work.tx)),
        inArray(grantProfiles.key, ["household_full", "company_employee"]),
      ),
    );
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  return { private: byKey.get("household_full"), business: byKey.get("company_employee") };
}

/**
 * The persons' pending grantees that no invitation waits for (made earlier, never invited), to reuse —
 * each only if the actor may manage its grant (loadGuardedGrant's rules, asked for all at once).
 */
async function reusableGrantees(work: StaffWork, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, GranteeRow | "refused">();
  const found = await work.tx.client.query<{ id: string; grant_id: string; person_id: string }>(
    `select distinct on (person_id) id, grant_id, person_id from grantees
      where firm_id = $1 and person_id = any($2::uuid[]) and status = 'pending' and account_id is null`,
    [firmOf(work.tx), personIds],
  );
  const grantIds = [...new Set(found.rows.map((r) => r.grant_id))];
  const rows = new Map((await listGrantees(work.tx, grantIds)).map((g) => [g.id, g]));
  const files = await listGrantFiles(work.tx, grantIds);
  const standings = await loadFileStandings(
    work.tx,
    files.map((f) => f.id),
  );
  const firm = await loadFirmForGrants(work.tx);
  const result = new Map<string, GranteeRow | "refused">();
  for (const r of found.rows) {
    const of = files.filter((f) => f.grantId === r.grant_id).map((f) => standings.get(f.id));
    const allowed =
      of.every((s) => s && staffCanOnFile(work.actor, "client_file.read", s)) &&
      !managementRefusal(work.actor, of as NonNullable<(typeof of)[number]>[], firm);
    const row = rows.get(r.id);
    result.set(r.person_id, allowed && row ? row : "refused");
  }
  return result;
}

/**
 * A chunk of a run's units, set-based (PERF-3): what inviteUnit does unit by unit — plan the files
 * afresh, give the ready ones a grant and its person a grantee (or reuse one never invited), then an
 * invitation, or the notice to an existing account — with the same decisions, rows, mails and audit
 * entries, in a few multi-row statements; each mail variant is rendered once for the chunk.
 */
export async function inviteChunk(
  work: StaffWork,
  deps: InvitationMailDeps,
  options: StoredBulkOptions,
  units: readonly string[][],
  render: BatchRenderer,
): Promise<UnitOutcome[]> {
  const planned = new Map((await planFiles(work, units.flat(), [])).map((f) => [f.fileId, f]));
  const outcomes: UnitOutcome[] = [];
  const waiting: Array<{ unit: number; ready: PlannedFile[] }> = [];
  for (const [index, unit] of units.entries()) {
    const files = [...new Set(unit)].map((id) => planned.get(id) as PlannedFile);
    const skips = files
      .filter((f) => f.state !== "ready")
      .map((f) => ({ fileId: f.fileId, fileName: f.fileName, reason: f.state as BulkSkip["reason"] }));
    outcomes.push({ invited: 0, notified: 0, skips });
    const ready = files.filter((f) => f.state === "ready");
    if (ready[0]?.personId) waiting.push({ unit: index, ready });
  }
  const singles = waiting.filter((w) => w.ready.length === 1).map((w) => w.ready[0]?.personId as string);
  const reusable = await reusableGrantees(work, singles);
  const targets: Target[] = [];
  const toCreate: Array<{ unit: number; ready: PlannedFile[] }> = [];
  for (const w of waiting) {
    const reuse = w.ready.length === 1 ? reusable.get(w.ready[0]?.personId as string) : undefined;
    if (reuse === "refused") outcomes[w.unit] = refused(units[w.unit] as string[]);
    else if (reuse) targets.push({ ...w, grantee: reuse });
    else toCreate.push(w);
  }
  const profiles = options.profileId ? null : await defaultProfiles(work);
  const created = await createGrantsWithGrantees(
    work,
    await loadFirmForGrants(work.tx),
    toCreate.map(({ ready }) => {
      const first = ready[0] as PlannedFile;
      return {
        name: ready
          .map((f) => f.fileName)
          .join(", ")
          .slice(0, 200),
        profileId: options.profileId ?? profiles?.[first.fileKind],
        fileIds: ready.map((f) => f.fileId),
        personId: first.personId as string,
      };
    }),
    { documentCategoryIds: options.documents === "categories" ? options.documentCategoryIds : [] },
  );
  for (const [i, outcome] of created.entries()) {
    const w = toCreate[i] as (typeof toCreate)[number];
    if ("refusal" in outcome) outcomes[w.unit] = refused(units[w.unit] as string[]);
    else targets.push({ ...w, grantee: outcome.grantee });
  }
  await inviteTargets(work, deps, options, render, targets, units, outcomes);
  return outcomes;
}

/** inviteGrantee for each target: the invitation (or the notice), its token, its mail, its audit entry. */
async function inviteTargets(
  work: StaffWork,
  deps: InvitationMailDeps,
  options: StoredBulkOptions,
  render: BatchRenderer,
  all: Target[],
  units: readonly string[][],
  outcomes: UnitOutcome[],
) {
  const at = work.audit.at;
  // planInvitation refuses a grantee without an address; nothing was written for such a unit yet.
  const targets = all.filter((t) => {
    if (t.grantee.email?.trim()) return true;
    outcomes[t.unit] = refused(units[t.unit] as string[]);
    return false;
  });
  if (targets.length === 0) return;
  const firm = await loadInvitingFirm(work.tx);
  const emails = [...new Set(targets.map((t) => t.grantee.email?.trim().toLowerCase() as string))];
  const accounts = await work.tx.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const accountOf = new Map(accounts.map((a) => [a.email, a.id]));
  await endInvitationsOfGrantees(
    work.tx,
    targets.map((t) => t.grantee.id),
    "replaced",
    at,
  );
  const plans = targets.map((t): InvitationPlan => {
    const email = t.grantee.email?.trim().toLowerCase() as string;
    return {
      grantee: t.grantee,
      firm,
      email,
      ...invitationVoice(options, t.ready[0]?.personVoice, firm),
      personalMessage: options.personalMessage ?? null,
      existingAccountId: accountOf.get(email) ?? null,
    };
  });
  const rows = plans.map((plan) => invitationRowOf(work, plan, plan.existingAccountId ? "notice" : "email"));
  const byEmail = rows.filter((r) => r.channel === "email");
  const tokens = await issueTokens(
    work.tx,
    CLIENT_INVITATION,
    byEmail.map((r) => ({ subjectId: r.id as string, expiresAt: r.expiresAt })),
    at,
  );
  const tokenOf = new Map(byEmail.map((r, i) => [r.id as string, tokens[i] as string]));
  const mails = await queueInvitationMails(
    work.tx,
    deps,
    render,
    rows.map((row) =>
      row.channel === "notice"
        ? accessNoticeMail(deps, firm, row as InvitationRow)
        : invitationMail(deps, firm, row as InvitationRow, 0, tokenOf.get(row.id as string) ?? null),
    ),
  );
  for (const [i, row] of rows.entries()) {
    row.lastOutboxId = mails[i]?.id ?? null;
    row.lastMailReminder = 0;
  }
  const stored = new Map(
    (await insertRows(work.tx, clientInvitations, rows, invitationColumns)).map((r) => [r.id, r]),
  );
  for (const plan of plans.filter((p) => p.existingAccountId)) {
    await work.tx.db
      .update(grantees)
      .set({
        accountId: plan.existingAccountId,
        status: plan.grantee.status === "locked" ? "locked" : "active",
        updatedAt: at,
      })
      .where(and(eq(grantees.firmId, firmOf(work.tx)), eq(grantees.id, plan.grantee.id)));
    await recordWebhookEvent(work.tx, "grantee.activated", { granteeId: plan.grantee.id }, at);
  }
  const mailRows = new Map<string, InvitationMailRow>(
    mails.map((m) => [
      m.id,
      {
        id: m.id,
        status: "queued",
        lastSmtpResponse: null,
        attempts: 0,
        createdAt: m.createdAt,
        sentAt: null,
      },
    ]),
  );
  const audits: AuditEvent[] = [];
  for (const [i, t] of targets.entries()) {
    const row = stored.get(rows[i]?.id as string) as InvitationRow;
    const after = presentInvitation(row, mailRows, at);
    const notice = after.channel === "notice";
    audits.push({
      action: notice ? "invitation.notice" : "invitation.send",
      entityType: "invitation",
      entityId: row.id,
      clientFileId: t.grantee.personFileId,
      before: null,
      after,
    });
    const outcome = outcomes[t.unit] as UnitOutcome;
    if (notice) outcome.notified = t.ready.length;
    else outcome.invited = t.ready.length;
  }
  await recordAudits(work.tx, work.audit, audits);
}
