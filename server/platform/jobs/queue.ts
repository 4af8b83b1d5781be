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
      };
      if (await this.boss.getQueue(def.name)) await this.boss.updateQueue(def.name, queue);
      else await this.boss.createQueue(def.name, queue);
    }
    if (!this.options.work) return;
    for (const def of definitions) {
      await this.boss.work(
        def.name,
        {
          batchSize: 1,
          includeMetadata: true,
          pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1,
        },
        async (jobs) => {
          for (const job of jobs) {
            const payload = def.payload.parse(job.data);
            await def.handler(payload, {
              id: job.id,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
            });
          }
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

  /** Stops polling; with `graceful`, waits for running handlers up to `timeoutMs`. */
  async stop(graceful = true, timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful, timeout: timeoutMs, wait: true });
  }

  /** The raw pg-boss instance, for tests and operations that need to inspect job states. */
  get raw(): PgBoss {
    return this.boss;
  }
}
