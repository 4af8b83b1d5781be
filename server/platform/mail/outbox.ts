import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../clock.js";
import { open, seal } from "../crypto.js";
import { insertRows } from "../db/insert-rows.js";
import type { Database } from "../db/pool.js";
import { inFirm, type ScopedTx } from "../db/scope.js";
import { newId } from "../ids.js";
import { defineJob, type JobDefinition, type JobQueue } from "../jobs/queue.js";
import { mailOutbox } from "./outbox.tables.js";
import type {
  EmailTemplateName,
  EmailTemplates,
  MailBranding,
  MailRecipient,
  RenderedEmail,
} from "./render.js";
import type { FirmMailServer, MailTransports } from "./transports.js";

/** What the outbox needs from the process: the database, the queue, the SMTP transports and the sender. */
export interface MailDeps {
  database: Database;
  queue: JobQueue;
  /** The installation's transport and the firms' own (FIRM-3), pooled and reused across jobs. */
  transports: MailTransports;
  /** The firm's own SMTP server, read in the delivery's firm scope; null = the installation's. */
  firmMailServer?: (tx: ScopedTx, firmId: string) => Promise<FirmMailServer | null>;
  from: string;
  clock: Clock;
  /** Seals an email's secrets while it waits in the outbox. */
  outboxKey: Buffer;
}

/**
 * The placeholder a template receives instead of a secret (e.g. the token in an invitation link);
 * the outbox keeps the secret sealed and puts it in only when the mail is handed to SMTP.
 */
export function secretPlaceholder(name: string): string {
  return `ATRIUMSECRET${name.replace(/[^A-Za-z0-9]/g, "")}ATRIUMSECRET`;
}

function revealSecrets(text: string, secrets: Record<string, string>): string {
  return Object.entries(secrets).reduce(
    (out, [name, value]) => out.replaceAll(secretPlaceholder(name), value),
    text,
  );
}

/** What to send: a template with its props, to one recipient, in the firm's branding. */
export interface EmailRequest<K extends EmailTemplateName> {
  template: K;
  recipient: MailRecipient;
  props: EmailTemplates[K];
  branding: MailBranding;
  meta?: Record<string, unknown>;
  /** Secrets whose placeholders (secretPlaceholder) appear in the props; never stored readable. */
  secrets?: Record<string, string>;
  /** Who the mail is from, as the recipient reads it, and where answers go (FIRM-3's sender identity). */
  sender?: { name: string | null; replyTo: string | null };
}

/** The address part of a From header ("Atrium <no-reply@x>" → "no-reply@x"). */
function addressOf(from: string): string {
  return from.match(/<([^>]+)>/)?.[1] ?? from.trim();
}

/**
 * The Message-ID of an outbox row's mail: its id at the sending domain. Chosen by us and stored before
 * the first attempt, so every attempt (and a repeat after a crash) carries the same one and a bounce
 * naming it finds the row.
 */
export function messageIdFor(outboxId: string, fromAddress: string): string {
  const domain = fromAddress.split("@").at(-1)?.trim() || "atrium.localhost";
  return `<${outboxId}@${domain}>`;
}

const deliverPayload = z.object({ firmId: z.uuid(), outboxId: z.uuid() });

/**
 * Retries with backoff: about 1, 2, 4 … 2048 s between attempts, so delivery survives SMTP outages of
 * an hour and more (a 60 s outage costs one or two retries).
 */
export const MAIL_RETRY = { retryLimit: 12, retryDelay: 1, retryBackoff: true } as const;

/** The outbox row of one rendered mail: its secrets sealed, never stored readable. */
function outboxRow<K extends EmailTemplateName>(
  firmId: string,
  outboxKey: Buffer,
  request: EmailRequest<K>,
  rendered: RenderedEmail,
) {
  return {
    firmId,
    id: newId(),
    template: request.template,
    toAddress: request.recipient.email,
    toName: request.recipient.name,
    fromName: request.sender?.name ?? null,
    replyTo: request.sender?.replyTo ?? null,
    language: request.recipient.language,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    meta: request.meta ?? {},
    sealedSecrets: request.secrets ? seal(outboxKey, JSON.stringify(request.secrets)) : null,
  };
}

/** Renders the email, writes it to the outbox and enqueues its delivery, all in the caller's transaction. */
export async function queueEmail<K extends EmailTemplateName>(
  tx: ScopedTx,
  deps: Pick<MailDeps, "queue" | "outboxKey">,
  request: EmailRequest<K>,
): Promise<string> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("queueEmail needs a firm scope");
  // Loaded on first use: React and the email components are ~35 MB a process need not hold while idle.
  const { renderEmail } = await import("./render.js");
  const rendered = await renderEmail(request.template, request.recipient, request.props, request.branding);
  const row = outboxRow(firmId, deps.outboxKey, request, rendered);
  await tx.db.insert(mailOutbox).values(row);
  await deps.queue.enqueue(tx, deliverEmailJob, { firmId, outboxId: row.id });
  return row.id;
}

/**
 * queueEmail for many mails rendered already (a bulk invitation's chunk renders each variant once):
 * the outbox rows in one statement and their deliveries in another, in the caller's transaction.
 * Answers each row's id and creation time, in the order of `mails`.
 */
export async function queueRenderedEmails(
  tx: ScopedTx,
  deps: Pick<MailDeps, "queue" | "outboxKey">,
  mails: ReadonlyArray<{ request: EmailRequest<EmailTemplateName>; rendered: RenderedEmail }>,
): Promise<Array<{ id: string; createdAt: Date }>> {
  if (mails.length === 0) return [];
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("queueRenderedEmails needs a firm scope");
  const rows = mails.map((mail) => outboxRow(firmId, deps.outboxKey, mail.request, mail.rendered));
  const stored = await insertRows(tx, mailOutbox, rows, ["id", "createdAt"]);
  const createdAt = new Map(stored.map((r) => [r.id, r.createdAt]));
  await deps.queue.enqueueMany(
    tx,
    deliverEmailJob,
    rows.map((r) => ({ firmId, outboxId: r.id })),
  );
  return rows.map((r) => ({ id: r.id, createdAt: createdAt.get(r.id) as Date }));
}

/**
 * The delivery job of one outbox row, for enqueueing (queueEmail, and tests that fill the outbox in
 * bulk); the worker binds its handler with createMailJobs.
 */
export const deliverEmailJob = defineJob({
  name: "mail.deliver",
  payload: deliverPayload,
  ...MAIL_RETRY,
  // SMTP round trips, not CPU: a worker sends a batch's mails side by side.
  batchSize: 20,
  // Longer than a slow SMTP exchange (the transport gives up within 45 s), short enough that the
  // mails of a worker killed mid-batch go out again within about a minute (REL-2).
  expireInSeconds: 90,
  handler: async () => {
    throw new Error("mail.deliver is handled by the worker's createMailJobs()");
  },
});

/** The mail jobs with their handlers bound to this process's dependencies. */
export function createMailJobs(deps: MailDeps): JobDefinition[] {
  const deliver: JobDefinition<typeof deliverPayload> = {
    ...deliverEmailJob,
    handler: (payload, run) => deliverEmail(deps, payload, run),
  };
  return [deliver];
}

/**
 * Delivers one outbox row. Idempotent: a row already sent is skipped. The SMTP exchange happens
 * outside any transaction, and its outcome is recorded in its own, so a failure is never rolled back.
 */
async function deliverEmail(
  deps: MailDeps,
  { firmId, outboxId }: z.infer<typeof deliverPayload>,
  run: { retryCount: number; retryLimit: number },
): Promise<void> {
  const picked = await inFirm(deps.database, firmId, async (tx) => {
    const own = (await deps.firmMailServer?.(tx, firmId)) ?? null;
    const fromAddress = own?.fromAddress ?? addressOf(deps.from);
    // Only a mail still waiting is taken; its Message-ID is fixed here, at its first attempt.
    const [found] = await tx.db
      .update(mailOutbox)
      .set({ messageId: sql`coalesce(${mailOutbox.messageId}, ${messageIdFor(outboxId, fromAddress)})` })
      .where(and(eq(mailOutbox.firmId, firmId), eq(mailOutbox.id, outboxId), eq(mailOutbox.status, "queued")))
      .returning();
    return found ? { row: found, own, fromAddress } : null;
  });
  if (!picked) return;
  const { row, own, fromAddress } = picked;

  const secrets = row.sealedSecrets
    ? (JSON.parse(open(deps.outboxKey, row.sealedSecrets)) as Record<string, string>)
    : {};
  const transport = deps.transports.forFirm(firmId, own);
  const result = await transport.send({
    // The firm's name before the sending address (the firm's own server's, else the installation's):
    // that address's domain is the one that passes SPF/DKIM.
    from: row.fromName ? { name: row.fromName, address: fromAddress } : own ? fromAddress : deps.from,
    replyTo: row.replyTo,
    to: { name: row.toName, address: row.toAddress },
    subject: row.subject,
    html: revealSecrets(row.html, secrets),
    text: revealSecrets(row.text, secrets),
    messageId: row.messageId ?? undefined,
    headers: { "X-Atrium-Outbox-Id": row.id },
  });
  const lastAttempt = run.retryCount >= run.retryLimit;
  const status = result.ok ? "sent" : result.permanent || lastAttempt ? "failed" : "queued";
  await inFirm(deps.database, firmId, (tx) =>
    tx.db
      .update(mailOutbox)
      .set({
        status,
        attempts: sql`${mailOutbox.attempts} + 1`,
        lastSmtpResponse: result.response,
        sentAt: result.ok ? deps.clock.now() : null,
        updatedAt: deps.clock.now(),
        // Once delivered (or given up), the secret has no reason to stay, even sealed.
        ...(status === "queued" ? {} : { sealedSecrets: null }),
      })
      // A bounce that came in meanwhile (or a parallel delivery's outcome) is not overwritten.
      .where(
        and(eq(mailOutbox.firmId, firmId), eq(mailOutbox.id, outboxId), eq(mailOutbox.status, "queued")),
      ),
  );
  // Throwing hands the retry (with backoff) to the queue; a permanent refusal is final.
  if (status === "queued") throw new Error(`SMTP delivery deferred: ${result.response}`);
}
