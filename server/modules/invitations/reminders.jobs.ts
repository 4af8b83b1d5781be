import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../../platform/clock.js";
import type { Database } from "../../platform/db/pool.js";
import { inFirm, inScope } from "../../platform/db/scope.js";
import { everyMinuteSweep, sweptWorkJob } from "../../platform/jobs/job-shapes.js";
import type { JobDefinition, JobQueue } from "../../platform/jobs/queue.js";
import { issueToken } from "../../platform/tokens/one-time-tokens.js";
import { recordAudit, systemAuditContext } from "../audit/audit.service.js";
import { grantees } from "../grants/grants.tables.js";
import {
  CLIENT_INVITATION,
  type InvitationMailDeps,
  invitationMail,
  loadInvitingFirm,
  queueInvitationMail,
} from "./invitation-mail.js";
import { clientInvitations } from "./invitations.tables.js";

/** Due invitations claimed per statement: one batch of reminder jobs is one insert. */
export const SWEEP_BATCH = 5000;

const remindPayload = z.object({
  firmId: z.uuid(),
  invitationId: z.uuid(),
  reminder: z.number().int().min(1),
});
type RemindPayload = z.infer<typeof remindPayload>;

const sweepJob = everyMinuteSweep("invitations.sweep-reminders");

const remindJob = sweptWorkJob("invitations.remind", remindPayload, 90);

/** What the reminder jobs need from the process. */
export interface ReminderDeps extends InvitationMailDeps {
  database: Database;
  queue: JobQueue;
  clock: Clock;
}

// A day `d` of the invitation's schedule as an instant: its send time plus that many days.
const scheduleDay = "(i.sent_at + make_interval(days => d))";

/**
 * One sweep (INV-4, PERF-4): claims the invitations whose next reminder is due at `now` — across
 * firms, through the partial index of live series, skipping rows another sweep holds — advances each
 * to its next reminder day and enqueues one reminder job per invitation in the same transaction.
 * A series that fell behind (no sweep for days) sends only its latest due reminder. Expired
 * invitations leave the index without a reminder. Answers how many reminders it made due.
 */
export async function sweepDueReminders(deps: ReminderDeps, now: Date = deps.clock.now()): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await inScope(deps.database, {}, async (tx) => {
      await tx.client.query("select set_config('app.reminder_sweep', 'on', true)");
      const { rows } = await tx.client.query<{ firm_id: string; id: string; reminder: number | null }>(
        `with due as (
           select firm_id, id from client_invitations
            where next_reminder_at is not null and next_reminder_at <= $1
            order by next_reminder_at
            limit $2
            for update skip locked
         )
         update client_invitations i set
           reminders_due = case when i.expires_at > $1
             then greatest(i.reminders_due + 1,
                           (select count(*)::int from unnest(i.reminder_days) d where ${scheduleDay} <= $1))
             else i.reminders_due end,
           next_reminder_at = case when i.expires_at > $1
             then (select min(${scheduleDay}) from unnest(i.reminder_days) d
                    where ${scheduleDay} > $1 and ${scheduleDay} < i.expires_at)
             end,
           updated_at = $1
          from due
         where i.firm_id = due.firm_id and i.id = due.id
         returning i.firm_id, i.id, case when i.expires_at > $1 then i.reminders_due end as reminder`,
        [now, SWEEP_BATCH],
      );
      const jobs = rows
        .filter((r) => r.reminder !== null)
        .map((r) => ({ firmId: r.firm_id, invitationId: r.id, reminder: r.reminder as number }));
      await deps.queue.enqueueMany(tx, remindJob, jobs, (j) => `${j.invitationId}:${j.reminder}`);
      return { rows: rows.length, reminders: jobs.length };
    });
    total += claimed.reminders;
    if (claimed.rows < SWEEP_BATCH) return total;
  }
}

/**
 * Sends reminder `reminder` of an invitation, once: the conditional update lets exactly one run pass
 * (a job retried or run by two workers sends nothing twice), and only while the invitation is pending,
 * unexpired, not stopped and its grantee still waiting to join. Each reminder carries a fresh link;
 * the earlier links keep working until the invitation ends.
 */
export async function sendReminder(deps: ReminderDeps, payload: RemindPayload): Promise<boolean> {
  const now = deps.clock.now();
  return inFirm(deps.database, payload.firmId, async (tx) => {
    const [invitation] = await tx.db
      .update(clientInvitations)
      .set({ remindersSent: payload.reminder, lastMailReminder: payload.reminder, updatedAt: now })
      .where(
        and(
          eq(clientInvitations.firmId, payload.firmId),
          eq(clientInvitations.id, payload.invitationId),
          eq(clientInvitations.status, "pending"),
          eq(clientInvitations.channel, "email"),
          lt(clientInvitations.remindersSent, payload.reminder),
          gt(clientInvitations.expiresAt, now),
          isNull(clientInvitations.remindersStoppedAt),
          sql`exists (select 1 from ${grantees} g where g.firm_id = ${clientInvitations.firmId}
                and g.id = ${clientInvitations.granteeId} and g.status = 'pending' and g.account_id is null)`,
        ),
      )
      .returning();
    if (!invitation) return false;
    const firm = await loadInvitingFirm(tx);
    const rawToken = await issueToken(tx, {
      purpose: CLIENT_INVITATION,
      subjectId: invitation.id,
      expiresAt: invitation.expiresAt,
      now,
      keepOthers: true,
    });
    const outboxId = await queueInvitationMail(
      tx,
      deps,
      invitationMail(deps, firm, invitation, payload.reminder, rawToken),
    );
    await tx.db
      .update(clientInvitations)
      .set({ lastOutboxId: outboxId })
      .where(and(eq(clientInvitations.firmId, payload.firmId), eq(clientInvitations.id, invitation.id)));
    await recordAudit(tx, systemAuditContext(deps.clock), {
      action: "invitation.remind",
      entityType: "invitation",
      entityId: invitation.id,
      before: null,
      after: { reminder: payload.reminder, email: invitation.email, outboxId },
    });
    return true;
  });
}

/** The reminder jobs with their handlers bound to this process's dependencies. */
export function createReminderJobs(deps: ReminderDeps): JobDefinition[] {
  const sweep: typeof sweepJob = {
    ...sweepJob,
    handler: async () => {
      await sweepDueReminders(deps);
    },
  };
  const remind: JobDefinition<typeof remindPayload> = {
    ...remindJob,
    handler: async (payload) => {
      await sendReminder(deps, payload);
    },
  };
  return [sweep, remind];
}
