import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "./config.js";
import type { AppDeps } from "./deps.js";
import { createConfirmationJobs } from "./modules/confirmations/confirmations.jobs.js";
import { databaseFunctions } from "./modules/database-functions.js";
import { loadFirmMailServer } from "./modules/firms/firm-smtp.js";
import { createAuth } from "./modules/identity/auth.js";
import { createRateLimitJobs } from "./modules/identity/rate-limits.jobs.js";
import { createImportJobs } from "./modules/imports/imports.jobs.js";
import { createBulkInvitationJobs } from "./modules/invitations/bulk-invitations.jobs.js";
import { createReminderJobs } from "./modules/invitations/reminders.jobs.js";
import { createNotificationJobs } from "./modules/notifications/notifications.jobs.js";
import { createWebhookJobs, webhookJobDeps } from "./modules/webhooks/webhooks.jobs.js";
import { type Clock, createFileOffsetClock, systemClock } from "./platform/clock.js";
import { deriveKey } from "./platform/crypto.js";
import { grantQueueAccess, migrateDatabase } from "./platform/db/migrate.js";
import { openDatabase } from "./platform/db/pool.js";
import { JobQueue, QUEUE_SCHEMA } from "./platform/jobs/queue.js";
import { createMailJobs } from "./platform/mail/outbox.js";
import { SmtpSink } from "./platform/mail/smtp-sink.js";
import { createSmtpTransport } from "./platform/mail/transport.js";
import { MailTransports } from "./platform/mail/transports.js";
import { createHttpSms, DevSms } from "./platform/sms/sms.js";
import { createLocalFileStore } from "./platform/storage/storage.js";

/** The running services of one process and how to stop them in order. */
export interface Services {
  deps: AppDeps;
  /** The in-process development SMTP sink, when no SMTP_URL is configured. */
  devSink: SmtpSink | null;
  /** Stops jobs (running ones get up to `jobsTimeoutMs`, default 10 s, to finish), mail, then the pools. */
  close(options?: { jobsTimeoutMs?: number }): Promise<void>;
}

interface OpenOptions {
  clock?: Clock;
  pollingIntervalSeconds?: number;
  appPoolSize?: number;
}

/**
 * Opens the database (migrating it), the job queue, the mail path and identity on `databaseUrl`.
 * Workers get the mail jobs; a development setup without SMTP_URL gets a local SMTP sink and mailbox.
 */
export async function openServices(
  config: Config,
  databaseUrl: string,
  options: OpenOptions = {},
): Promise<Services> {
  const database = openDatabase(databaseUrl, { appPoolSize: options.appPoolSize });
  const closers: Array<() => Promise<unknown>> = [() => database.close()];
  let jobsTimeoutMs = 10_000;
  const close = async (options: { jobsTimeoutMs?: number } = {}) => {
    jobsTimeoutMs = options.jobsTimeoutMs ?? jobsTimeoutMs;
    for (const closeOne of closers.reverse()) await closeOne().catch(() => {});
  };
  try {
    await migrateDatabase(database.owner, databaseFunctions);
    const queue = new JobQueue(databaseUrl, {
      work: config.runsWorker,
      pollingIntervalSeconds: options.pollingIntervalSeconds,
    });
    await queue.start();
    closers.push(() => queue.stop(true, jobsTimeoutMs));
    await grantQueueAccess(database.owner, QUEUE_SCHEMA);

    let devSink: SmtpSink | null = null;
    let devMailboxDir: string | null = null;
    let smtpUrl = config.smtpUrl;
    if (!smtpUrl) {
      devMailboxDir = path.join(config.dataDir, "mailbox");
      await fs.mkdir(devMailboxDir, { recursive: true });
      if (config.runsWorker) {
        devSink = new SmtpSink({ port: 0, storeDir: devMailboxDir });
        const { port } = await devSink.start();
        closers.push(() => devSink?.stop() ?? Promise.resolve());
        smtpUrl = `smtp://127.0.0.1:${port}`;
      }
    }
    // Pooled and kept for the process's life: deliveries of every job reuse the open connections.
    const mailTransports = new MailTransports(createSmtpTransport(smtpUrl ?? "smtp://127.0.0.1:25"));
    // Closed after the queue has stopped (closers run in reverse), so running deliveries finish first.
    closers.splice(1, 0, async () => mailTransports.close());

    const clock = options.clock ?? clockOf(config);
    const secret = config.authSecret ?? (await readOrCreateSecret(path.join(config.dataDir, "auth-secret")));
    const auth = createAuth({
      db: database.appDb,
      secret,
      publicUrl: config.publicUrl,
      quiet: config.env === "test",
    });
    const files = createLocalFileStore(path.join(config.dataDir, "files"));
    const outboxKey = deriveKey(secret, "mail-outbox");
    const sms = config.smsGatewayUrl
      ? createHttpSms(config.smsGatewayUrl, config.smsGatewayToken)
      : new DevSms(path.join(config.dataDir, "sms"));
    const secondFactorKey = deriveKey(secret, "second-factors");
    const firmSmtpKey = deriveKey(secret, "firm-smtp");
    const webhookKey = deriveKey(secret, "webhook-secrets");
    const deps: AppDeps = {
      config,
      database,
      queue,
      auth,
      clock,
      devMailboxDir,
      files,
      outboxKey,
      sms,
      secondFactorKey,
      firmSmtpKey,
      webhookKey,
      mailTransports,
    };
    await queue.register(
      createMailJobs({
        database,
        queue,
        transports: mailTransports,
        firmMailServer: (tx, firmId) => loadFirmMailServer(tx, firmId, firmSmtpKey),
        from: config.mailFrom,
        clock,
        outboxKey,
      }),
    );
    await queue.register(createImportJobs({ database, files, clock }));
    await queue.register(createReminderJobs({ database, queue, clock, config, outboxKey }));
    await queue.register(createConfirmationJobs({ database, queue, clock, config, outboxKey }));
    await queue.register(createBulkInvitationJobs({ database, queue, clock, config, outboxKey }));
    await queue.register(createNotificationJobs({ database, queue, clock, config, outboxKey }));
    await queue.register(createWebhookJobs(webhookJobDeps(deps)));
    await queue.register(createRateLimitJobs({ database, clock }));
    return { deps, devSink, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The system clock, or — for browser journeys, never in production (config refuses it) — the file-offset one. */
function clockOf(config: Config): Clock {
  if (!config.testClockFile) return systemClock;
  if (config.env === "production") throw new Error("ATRIUM_TEST_CLOCK_FILE is refused in production.");
  console.warn(`Test clock: the server's time is moved by the offset in ${config.testClockFile}.`);
  return createFileOffsetClock(config.testClockFile);
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    await fs.writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}
