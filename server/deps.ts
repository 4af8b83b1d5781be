import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import type { Auth } from "./modules/identity/auth.js";
import type { Clock } from "./platform/clock.js";
import type { Database } from "./platform/db/pool.js";
import type { JobQueue } from "./platform/jobs/queue.js";
import type { MailTransports } from "./platform/mail/transports.js";
import type { SmsSender } from "./platform/sms/sms.js";
import type { FileStore } from "./platform/storage/storage.js";

/** Everything a module needs from the process, handed in explicitly (tests build their own). */
export interface AppDeps {
  config: Config;
  database: Database;
  queue: JobQueue;
  auth: Auth;
  clock: Clock;
  /** Where the development SMTP sink stores caught mail; null when a real SMTP server is configured. */
  devMailboxDir: string | null;
  /** Uploaded files (documents, firm logo), under `<dataDir>/files` by default. */
  files: FileStore;
  /** Seals secrets (invitation tokens) while their mail waits in the outbox; derived from the auth secret. */
  outboxKey: Buffer;
  /** Sends SMS codes: the HTTP gateway, or in development the local provider (DevSms). */
  sms: SmsSender;
  /** Seals authenticator secrets and keys SMS code hashes; derived from the auth secret. */
  secondFactorKey: Buffer;
  /** Seals a firm's own SMTP password (FIRM-3); derived from the auth secret. */
  firmSmtpKey: Buffer;
  /** Seals the firm's webhook signing secrets (API-1); derived from the auth secret. */
  webhookKey: Buffer;
  /** The process's pooled SMTP transports (installation and firms'), closed with the services. */
  mailTransports: MailTransports;
}

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
