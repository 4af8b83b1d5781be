import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../../platform/clock.js";
import type { Database } from "../../platform/db/pool.js";
import { inFirm, inScope } from "../../platform/db/scope.js";
import { everyMinuteSweep, sweptWorkJob } from "../../platform/jobs/job-shapes.js";
import type { JobDefinition, JobQueue } from "../../platform/jobs/queue.js";
import { recordAudit, systemAuditContext } from "../audit/audit.service.js";
import { findDocument } from "../documents/documents.queries.js";
import {
  type ConfirmationMailDeps,
  confirmationMail,
  loadConfirmingFirm,
  queueConfirmationMail,
} from "./confirmation-mail.js";
import { confirmationRequests } from "./confirmations.tables.js";

/** Due requests claimed per statement: one batch of reminder jobs is one insert. */
const SWEEP_BATCH = 5000;

const remindPayload = z.object({
  firmId: z.uuid(),
  requestId: z.uuid(),
  reminder: z.number().int().min(1),
});
type RemindPayload = z.infer<typeof remindPayload>;

const sweepJob = everyMinuteSweep("confirmations.sweep-reminders");

const remindJob = sweptWorkJob("confirmations.remind", remindPayload, 90);

/** What the confirmation jobs need from the process. */
export interface ConfirmationJobDeps extends ConfirmationMailDeps {
  database: Database;
  queue: JobQueue;
  clock: Clock;
}

// A day `d` of the request's schedule as an instant: its send time plus that many days.
const scheduleDay = "(r.sent_at + make_interval(days => d))";

/**
 * One sweep (the firm's reminder days, as for invitations): claims the open requests whose next
 * reminder is due at `now` — across firms, through the partial index of live series, skipping rows
 * another sweep holds — advances each to its next reminder day and enqueues one reminder job each, in
 * the same transaction. A series that fell behind sends only its latest due reminder. Answers how many
 * reminders it made due. Confirmed, cancelled and superseded requests have no next reminder: they are
 * never claimed.
 */
export async function sweepDueConfirmations(
  deps: ConfirmationJobDeps,
  now: Date = deps.clock.now(),
): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await inScope(deps.database, {}, async (tx) => {
      await tx.client.query("select set_config('app.reminder_sweep', 'on', true)");
      const { rows } = await tx.client.query<{ firm_id: string; id: string; reminder: number }>(
        `with due as (
           select firm_id, id from confirmation_requests
            where next_reminder_at is not null and next_reminder_at <= $1
            order by next_reminder_at
            limit $2
            for update skip locked
         )
         update confirmation_requests r set
           reminders_due = greatest(r.reminders_due + 1,
             (select count(*)::int from unnest(r.reminder_days) d where ${scheduleDay} <= $1)),
           next_reminder_at = (select min(${scheduleDay}) from unnest(r.reminder_days) d where ${scheduleDay} > $1),
           updated_at = $1
          from due
         where r.firm_id = due.firm_id and r.id = due.id and r.status = 'open'
         returning r.firm_id, r.id, r.reminders_due as reminder`,
        [now, SWEEP_BATCH],
      );
      const jobs = rows.map((r) => ({ firmId: r.firm_id, requestId: r.id, reminder: r.reminder }));
      await deps.queue.enqueueMany(tx, remindJob, jobs, (j) => `${j.requestId}:${j.reminder}`);
      return jobs.length;
    });
    total += claimed;
    if (claimed < SWEEP_BATCH) return total;
  }
}

/**
 * Sends reminder `reminder` of a request, once: the conditional update lets exactly one run pass (a
 * job retried or run by two workers sends nothing twice), and only while the request is open and its
 * document still has the version asked about. Audited.
 */
export async function sendConfirmationReminder(
  deps: ConfirmationJobDeps,
  payload: RemindPayload,
): Promise<boolean> {
  const now = deps.clock.now();
  return inFirm(deps.database, payload.firmId, async (tx) => {
    const [request] = await tx.db
      .update(confirmationRequests)
      .set({ remindersSent: payload.reminder, updatedAt: now })
      .where(
        and(
          eq(confirmationRequests.firmId, payload.firmId),
          eq(confirmationRequests.id, payload.requestId),
          eq(confirmationRequests.status, "open"),
          lt(confirmationRequests.remindersSent, payload.reminder),
        ),
      )
      .returning();
    if (!request) return false;
    const doc = await findDocument(tx, request.clientFileId, request.documentId);
    if (!doc || doc.document.currentVersion !== request.version) return false;
    const firm = await loadConfirmingFirm(tx);
    const outboxId = await queueConfirmationMail(
      tx,
      deps,
      await confirmationMail(tx, deps, firm, request, payload.reminder),
    );
    await tx.db
      .update(confirmationRequests)
      .set({ lastOutboxId: outboxId })
      .where(and(eq(confirmationRequests.firmId, payload.firmId), eq(confirmationRequests.id, request.id)));
    await recordAudit(tx, systemAuditContext(deps.clock), {
      action: "confirmation.remind",
      entityType: "confirmation_request",
      entityId: request.id,
      clientFileId: request.clientFileId,
      before: null,
      after: { reminder: payload.reminder, email: request.email, outboxId },
    });
    return true;
  });
}

/** The confirmation reminder jobs with their handlers bound to this process's dependencies. */
export function createConfirmationJobs(deps: ConfirmationJobDeps): JobDefinition[] {
  const sweep: typeof sweepJob = {
    ...sweepJob,
    handler: async () => {
      await sweepDueConfirmations(deps);
    },
  };
  const remind: JobDefinition<typeof remindPayload> = {
    ...remindJob,
    handler: async (payload) => {
      await sendConfirmationReminder(deps, payload);
    },
  };
  return [sweep, remind];
}
