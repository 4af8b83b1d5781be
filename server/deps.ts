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

/** Everything a module needs from the process, handed in explicitly (tests build their own). */
export interface AppDeps {
  config: Config;
  database: Database;
  queue: JobQueue;
  auth: Auth;
  clock: Clock;
  /** Where the development SMTP sink stores caught mail; null when a real SMTP server is configured. */
  devMailboxDir: string | null;
}

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
