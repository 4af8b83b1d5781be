import { z } from "zod";
import type { Language } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import type { Clock } from "../../platform/clock.js";
import type { Database } from "../../platform/db/pool.js";
import { inFirm, inScope, type ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { everyMinuteSweep, sweptWorkJob } from "../../platform/jobs/job-shapes.js";
import type { JobDefinition, JobQueue } from "../../platform/jobs/queue.js";
import { queueEmail } from "../../platform/mail/outbox.js";
import type { DigestItem, DigestTopic } from "../../platform/mail/templates/notification-digest.js";
import { accountsReachingFile } from "../access/notification-reach.js";
import { recordAudit, systemAuditContext } from "../audit/audit.service.js";
import { firmBranding, firmSender } from "../firms/firm-mail.js";
import { findFirm } from "../firms/firms.queries.js";
import {
  accountOf,
  filesOf,
  lastDigestAt,
  lockPendingItems,
  lockRecipient,
  mutedTopicsOf,
  type PendingItem,
  personOf,
  recordDigest,
  skipItems,
} from "./digest.queries.js";
import { homeUrl, itemUrl } from "./digest-links.js";
import { digestDueAt, recipientsDueSql } from "./digest-timing.js";

/** Recipients claimed per sweep statement. */
const SWEEP_BATCH = 2000;

const digestPayload = z.object({ firmId: z.uuid(), userId: z.string().min(1) });
type DigestPayload = z.infer<typeof digestPayload>;

const sweepJob = everyMinuteSweep("notifications.sweep-digests");

const digestJob = sweptWorkJob("notifications.send-digest", digestPayload, 120);

/** What the digest jobs need from the process. */
export interface NotificationJobDeps extends Pick<AppDeps, "outboxKey" | "config"> {
  database: Database;
  queue: JobQueue;
  clock: Clock;
}

/**
 * One sweep: finds, across firms, the recipients whose digest is due at `now` (digest-timing.ts) and
 * enqueues one digest job each; a recipient whose job still waits is not enqueued twice. Answers how
 * many it enqueued.
 */
export async function sweepDueDigests(
  deps: NotificationJobDeps,
  now: Date = deps.clock.now(),
): Promise<number> {
  return inScope(deps.database, {}, async (tx) => {
    await tx.client.query("select set_config('app.notification_sweep', 'on', true)");
    const { rows } = await tx.client.query<{ firm_id: string; recipient_user_id: string }>(recipientsDueSql, [
      now,
      SWEEP_BATCH,
    ]);
    const jobs = rows.map((r) => ({ firmId: r.firm_id, userId: r.recipient_user_id }));
    await deps.queue.enqueueMany(tx, digestJob, jobs, (j) => `${j.firmId}:${j.userId}`);
    return jobs.length;
  });
}

/**
 * Sends the recipient's digest if it is due at `now`, once: the recipient is locked, the waiting
 * items are taken into the digest in the transaction that queues its mail, so a rerun or a second
 * worker finds nothing left. Topics the account turned off, and items it no longer reaches, are left
 * out. Answers how many items the mail lists (0: nothing sent).
 */
export async function sendDigest(
  deps: NotificationJobDeps,
  payload: DigestPayload,
  now: Date = deps.clock.now(),
): Promise<number> {
  return inFirm(deps.database, payload.firmId, async (tx) => {
    const { firmId, userId } = payload;
    await lockRecipient(tx, firmId, userId);
    const pending = await lockPendingItems(tx, firmId, userId);
    if (pending.length === 0) return 0;
    const due = digestDueAt(pending, await lastDigestAt(tx, firmId, userId));
    if (due.getTime() > now.getTime()) return 0;
    const muted = new Set(await mutedTopicsOf(tx, userId));
    const reachable = await stillReachable(tx, pending, now);
    const items = pending.filter((i) => !muted.has(i.topic) && reachable.has(i.id));
    await skipItems(
      tx,
      firmId,
      pending.filter((i) => !items.includes(i)).map((i) => i.id),
      now,
    );
    if (items.length === 0) return 0;
    const account = await accountOf(tx, userId);
    const firm = await findFirm(tx, firmId);
    if (!account || !firm) return 0;
    const audience = items.some((i) => i.audience === "staff") ? "staff" : "portal";
    const personId = items.find((i) => i.personId)?.personId ?? null;
    const person = personId ? await personOf(tx, firmId, personId) : undefined;
    const files = await filesOf(tx, firmId, [...new Set(items.map((i) => i.clientFileId))]);
    const severalFiles = files.size > 1;
    const digestItems: DigestItem[] = items.map((item) => {
      const file = files.get(item.clientFileId);
      const label = file
        ? item.audience === "staff"
          ? `${file.displayName} (${file.number})`
          : severalFiles
            ? file.displayName
            : null
        : null;
      return {
        id: item.id,
        topic: item.topic as DigestTopic,
        title: item.title,
        fileLabel: label,
        at: item.createdAt.toISOString(),
        url: itemUrl(deps.config.publicUrl, item),
      };
    });
    const language = oneOf(person?.language ?? account.language, firm.defaultLanguage);
    const digestId = newId(now.getTime());
    const outboxId = await queueEmail(tx, deps, {
      template: "notification-digest",
      recipient: {
        name: person ? `${person.firstName} ${person.lastName}` : account.name,
        email: account.email,
        language,
        salutation: (person?.salutation ?? firm.defaultSalutation) as "formal" | "informal",
      },
      props: {
        firmName: firm.name,
        audience,
        items: digestItems,
        openUrl: homeUrl(deps.config.publicUrl, audience),
      },
      branding: firmBranding(firm),
      sender: firmSender(firm),
      meta: { reason: "notification_digest", digestId, recipientUserId: userId, items: items.length },
    });
    await recordDigest(
      tx,
      { firmId, id: digestId, userId, outboxId, now },
      items.map((i) => i.id),
    );
    await recordAudit(tx, systemAuditContext(deps.clock), {
      action: "notification.digest",
      entityType: "notification_digest",
      entityId: digestId,
      before: null,
      after: { recipientUserId: userId, email: account.email, items: items.length, outboxId },
    });
    return items.length;
  });
}

/** The ids of portal items whose file (and document) the account still reaches; staff items all pass. */
async function stillReachable(tx: ScopedTx, items: readonly PendingItem[], now: Date): Promise<Set<string>> {
  const ok = new Set<string>();
  const asked = new Map<string, Promise<Set<string>>>();
  for (const item of items) {
    if (item.audience === "staff") {
      ok.add(item.id);
      continue;
    }
    const key = `${item.clientFileId}:${item.documentId ?? ""}`;
    let accounts = asked.get(key);
    if (!accounts) {
      accounts = accountsReachingFile(tx, item.clientFileId, item.documentId, now).then(
        (reach) => new Set(reach.filter((r) => r.seesDocument).map((r) => r.accountId)),
      );
      asked.set(key, accounts);
    }
    if ((await accounts).has(item.recipientUserId)) ok.add(item.id);
  }
  return ok;
}

const languages: readonly string[] = ["de", "fr", "en"];

function oneOf(language: string, fallback: string): Language {
  return (languages.includes(language) ? language : fallback) as Language;
}

/** The digest jobs with their handlers bound to this process's dependencies. */
export function createNotificationJobs(deps: NotificationJobDeps): JobDefinition[] {
  const sweep: typeof sweepJob = {
    ...sweepJob,
    handler: async () => {
      await sweepDueDigests(deps);
    },
  };
  const digest: JobDefinition<typeof digestPayload> = {
    ...digestJob,
    handler: async (payload) => {
      await sendDigest(deps, payload);
    },
  };
  return [sweep, digest];
}
