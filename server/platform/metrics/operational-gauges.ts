import type pg from "pg";
import type { Database } from "../db/pool.js";
import { QUEUE_SCHEMA } from "../jobs/queue.js";
import type { MetricSource, MetricValue } from "./metric-source.js";

/** The job states counted as queue depth: waiting, waiting to retry, running. */
export const queueStates = ["created", "retry", "active"] as const;

/** What one read of the database found. */
export interface OperationalSnapshot {
  /** Jobs per queue and state; every declared queue has all three states (0 when none). */
  jobs: Array<{ queue: string; state: string; count: number }>;
  /** Outbox mails per status; null when the owner role cannot read every firm's rows (see below). */
  mail: Array<{ status: string; count: number }> | null;
}

/** How long one read serves scrapes: Prometheus scrapes every 15 s or more; several scrapers share it. */
const CACHE_MS = 5_000;
/** A slow count must not hold a connection of the owner's small pool. */
const STATEMENT_TIMEOUT = "2s";

// One statement, one round trip. pg-boss keeps finished jobs in its job table for a while, so the
// counts filter to the three states first; the cross join fills zeros for idle queues. The outbox
// is counted across firms as the owner, which row-level security (FORCEd) allows only to an owner
// that bypasses it (a superuser, as the embedded database's is); otherwise the mail rows would say 0
// for everything, so `owner_reads_all` tells whether to believe them.
const snapshotSql = `
  begin;
  set local statement_timeout = '${STATEMENT_TIMEOUT}';
  with waiting as (
    select name, state::text as state, count(*)::int as n
      from ${QUEUE_SCHEMA}.job
     where state <= 'active'
     group by name, state
  )
  select 'queue' as kind, q.name as key, s.state, coalesce(w.n, 0)::int as n
    from ${QUEUE_SCHEMA}.queue q
    cross join unnest(array[${queueStates.map((s) => `'${s}'`).join(", ")}]) as s(state)
    left join waiting w on w.name = q.name and w.state = s.state
  union all
  select 'mail', null, status, count(*)::int from public.mail_outbox group by status
  union all
  select 'owner_reads_all', null, null, (rolsuper or rolbypassrls)::int from pg_roles where rolname = current_user
  order by 1, 2, 3;
  commit;`;

interface SnapshotRow {
  kind: "queue" | "mail" | "owner_reads_all";
  key: string | null;
  state: string | null;
  n: number;
}

/** Reads queue depth and mail states in one query; throws when the database does not answer. */
export async function readOperationalSnapshot(database: Database): Promise<OperationalSnapshot> {
  const client = await database.owner.connect();
  let results: pg.QueryResult<SnapshotRow>[];
  try {
    results = (await client.query(snapshotSql)) as unknown as pg.QueryResult<SnapshotRow>[];
  } catch (error) {
    // The transaction may be left aborted: drop the connection rather than hand it back.
    client.release(true);
    throw error;
  }
  client.release();
  const rows = results.find((result) => result.command === "SELECT")?.rows ?? [];
  const jobs: OperationalSnapshot["jobs"] = [];
  const mail: NonNullable<OperationalSnapshot["mail"]> = [];
  let ownerReadsAll = false;
  for (const row of rows) {
    if (row.kind === "queue") jobs.push({ queue: row.key ?? "", state: row.state ?? "", count: row.n });
    else if (row.kind === "mail") mail.push({ status: row.state ?? "", count: row.n });
    else ownerReadsAll = row.n === 1;
  }
  return { jobs, mail: ownerReadsAll ? mail : null };
}

/** Every status an outbox row can have (mail_outbox_status_check), reported even when 0. */
const mailStatuses = ["queued", "sent", "failed", "bounced"] as const;

/**
 * Queue depth and mail states as gauges, read at scrape time and cached for a few seconds, so any
 * number of scrapes costs the database at most one query per CACHE_MS per process.
 */
export class OperationalGauges {
  #cached: { at: number; snapshot: OperationalSnapshot | null } | null = null;
  #reading: Promise<OperationalSnapshot | null> | null = null;

  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** The latest snapshot (null when the database did not answer), read again once it is older than CACHE_MS. */
  async snapshot(): Promise<OperationalSnapshot | null> {
    if (this.#cached && this.now() - this.#cached.at < CACHE_MS) return this.#cached.snapshot;
    this.#reading ??= readOperationalSnapshot(this.database)
      .catch(() => null)
      .then((snapshot) => {
        this.#cached = { at: this.now(), snapshot };
        this.#reading = null;
        return snapshot;
      });
    return this.#reading;
  }

  /** The gauges: database reachability, jobs per queue and state, outbox mails per status. */
  sources(): MetricSource[] {
    return [
      {
        name: "atrium_database_up",
        help: "1 when the last read of queue and mail counts succeeded, 0 when the database did not answer.",
        type: "gauge",
        values: async () => [{ labels: {}, value: (await this.snapshot()) ? 1 : 0 }],
      },
      {
        name: "atrium_queue_jobs",
        help: "Background jobs per queue and state: created (waiting), retry (waiting to retry), active (running).",
        type: "gauge",
        values: async () =>
          ((await this.snapshot())?.jobs ?? []).map(
            (j): MetricValue => ({ labels: { queue: j.queue, state: j.state }, value: j.count }),
          ),
      },
      {
        name: "atrium_mail_outbox_messages",
        help: "Mails in the outbox per status: queued (not yet delivered), sent, failed, bounced.",
        type: "gauge",
        values: async () => {
          const mail = (await this.snapshot())?.mail;
          if (!mail) return [];
          const counts = new Map(mail.map((m) => [m.status, m.count]));
          const statuses = new Set<string>([...mailStatuses, ...counts.keys()]);
          return [...statuses].map((status) => ({ labels: { status }, value: counts.get(status) ?? 0 }));
        },
      },
    ];
  }
}
