import PgBoss from "pg-boss";
import type { z } from "zod";
import type { ScopedTx } from "../db/scope.js";

/** What a job handler gets besides its payload. */
export interface JobRun {
  id: string;
  /** How many times this job already failed before this run. */
  retryCount: number;
  retryLimit: number;
}

/** A typed, idempotent job: a name, a zod payload, its retry policy and a handler safe to run twice. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  retryLimit: number;
  /** Seconds before the first retry; with backoff each retry waits about twice as long as the last. */
  retryDelay: number;
  retryBackoff: boolean;
  /**
   * Jobs a worker takes at once and runs side by side (default 1): small I/O-bound jobs (a mail, a
   * reminder) need it, as a worker waits its polling interval between fetches. Each job of a batch
   * succeeds or fails on its own.
   */
  batchSize?: number;
  /**
   * How long a running job may take before it counts as failed and is retried (default pg-boss's
   * 15 minutes): also how soon work of a worker that died is taken up again by another.
   */
  expireInSeconds?: number;
  /** A cron expression: worker processes then run the job on this schedule (pg-boss runs it once per tick). */
  cron?: string;
  // Method syntax on purpose: it lets a definition with a specific payload sit in a list of definitions.
  handler(payload: z.infer<S>, run: JobRun): Promise<void>;
}

/** Declares a job definition with its payload type inferred from the schema. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export const QUEUE_SCHEMA = "pgboss";

/** pg-boss behind a small typed surface: queues are declared once, jobs are enqueued inside transactions. */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(
    ownerUrl: string,
    private readonly options: { work: boolean; pollingIntervalSeconds?: number },
  ) {
    this.boss = new PgBoss({
      connectionString: ownerUrl,
      schema: QUEUE_SCHEMA,
      max: 4,
      application_name: "atrium-queue",
      // Only processes that work also maintain the queue and run cron schedules.
      supervise: options.work,
      schedule: options.work,
      // Maintenance finds jobs of a dead worker once they expire; checked often so they resume soon.
      maintenanceIntervalSeconds: 15,
    });
    this.boss.on("error", () => {});
  }

  /** Creates pg-boss's schema if needed; call before granting the app role access to it. */
  async start(): Promise<void> {
    await this.boss.start();
  }

  /** Declares the queues and, in worker processes, starts working them. */
  async register(definitions: JobDefinition[]): Promise<void> {
    for (const def of definitions) {
      this.definitions.set(def.name, def);
      const queue = {
        name: def.name,
        retryLimit: def.retryLimit,
        retryDelay: def.retryDelay,
        retryBackoff: def.retryBackoff,
        ...(def.expireInSeconds ? { expireInSeconds: def.expireInSeconds } : {}),
      };
      if (await this.boss.getQueue(def.name)) await this.boss.updateQueue(def.name, queue);
      else await this.boss.createQueue(def.name, queue);
    }
    if (!this.options.work) return;
    for (const def of definitions) if (def.cron) await this.boss.schedule(def.name, def.cron, {});
    for (const def of definitions) {
      const batchSize = def.batchSize ?? 1;
      let workerId: string | null = null;
      workerId = await this.boss.work(
        def.name,
        {
          batchSize,
          includeMetadata: true,
          pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1,
        },
        async (jobs) => {
          const outcomes = await Promise.allSettled(
            jobs.map((job) =>
              def.handler(def.payload.parse(job.data), {
                id: job.id,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
              }),
            ),
          );
          // pg-boss completes the whole batch when this returns; failing the failed ones first takes
          // them out of that (it completes only jobs still active), so each retries on its own.
          for (const [index, outcome] of outcomes.entries()) {
            const job = jobs[index];
            if (outcome.status === "rejected" && job) {
              const reason =
                outcome.reason instanceof Error ? outcome.reason : new Error(String(outcome.reason));
              await this.boss.fail(def.name, job.id, { message: reason.message });
            }
          }
          // A full batch means more are likely waiting (a mail backlog): fetch again at once instead
          // of after the polling interval, so a worker sends hundreds of mails a second, not 20.
          if (jobs.length >= batchSize && workerId) this.boss.notifyWorker(workerId);
        },
      );
    }
  }

  /**
   * Enqueues through the caller's transaction: if it rolls back, the job never existed.
   * The payload is validated here so a bad job fails where it is made, not later in a worker.
   */
  async enqueue<S extends z.ZodType>(
    tx: ScopedTx,
    def: JobDefinition<S>,
    payload: z.infer<S>,
    opts: { singletonKey?: string } = {},
  ) {
    const data = def.payload.parse(payload) as object;
    return this.boss.send(def.name, data, {
      ...opts,
      db: { executeSql: (text, values) => tx.client.query(text, values) },
    });
  }

  /**
   * Enqueues many jobs of one definition in one statement through the caller's transaction (the
   * reminder sweep's batches); `singletonKeyOf` gives each a key so a job already waiting is not doubled.
   */
  async enqueueMany<S extends z.ZodType>(
    tx: ScopedTx,
    def: JobDefinition<S>,
    payloads: ReadonlyArray<z.infer<S>>,
    singletonKeyOf?: (payload: z.infer<S>) => string,
  ): Promise<void> {
    if (payloads.length === 0) return;
    const jobs = payloads.map((payload) => ({
      name: def.name,
      data: def.payload.parse(payload) as object,
      retryLimit: def.retryLimit,
      retryDelay: def.retryDelay,
      retryBackoff: def.retryBackoff,
      ...(singletonKeyOf ? { singletonKey: singletonKeyOf(payload) } : {}),
    }));
    await this.boss.insert(jobs, { db: { executeSql: (text, values) => tx.client.query(text, values) } });
  }

  /** Stops polling; with `graceful`, waits for running handlers up to `timeoutMs`. */
  async stop(graceful = true, timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful, timeout: timeoutMs, wait: true });
  }

  /** The raw pg-boss instance, for tests and operations that need to inspect job states. */
  get raw(): PgBoss {
    return this.boss;
  }
}

const outageCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);
const outageMessages =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command/i;

/**
 * Whether an error only says PostgreSQL is unreachable for now (restarting, connections cut): SQLSTATE
 * class 08 or 57P, or a refused or broken socket. pg-boss 10 settles each batch with complete()/fail()
 * calls it does not await, so during a restart they reject with nobody listening; the jobs stay active
 * and are retried once they expire (REL-2), so a process may tolerate exactly these rejections.
 */
export function isDatabaseOutage(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; syscall?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  const code = typeof e.code === "string" ? e.code : "";
  if (code.startsWith("08") || code.startsWith("57P") || outageCodes.has(code)) return true;
  // The embedded database's Unix socket is gone while it restarts.
  if (code === "ENOENT" && e.syscall === "connect") return true;
  return typeof e.message === "string" && outageMessages.test(e.message);
}
