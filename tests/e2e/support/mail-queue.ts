import pg from "pg";
import { expect } from "vitest";
import type { Journey } from "./journey";

/** The job queues a reminder passes through: the sweep's remind job, then the mail delivery. */
const reminderQueues = ["invitations.remind", "mail.deliver"];

/**
 * Waits until nothing is left to send: no reminder or mail job waiting, running or retrying in the
 * app's queue, and no mail in the outbox still queued. After that, the sink holds every mail the app
 * made so far — so counting there also proves what was not sent.
 */
export async function waitForQuietMail(j: Pick<Journey, "databaseUrl">, timeoutMs = 60_000): Promise<void> {
  const client = new pg.Client({ connectionString: j.databaseUrl });
  await client.connect();
  try {
    await expect
      .poll(
        async () => {
          const jobs = await client.query<{ n: number }>(
            "select count(*)::int as n from pgboss.job where name = any($1) and state in ('created', 'retry', 'active')",
            [reminderQueues],
          );
          const queued = await client.query<{ n: number }>(
            "select count(*)::int as n from mail_outbox where status = 'queued'",
          );
          return (jobs.rows[0]?.n ?? 0) + (queued.rows[0]?.n ?? 0);
        },
        { timeout: timeoutMs, interval: 250, message: "reminder and mail jobs still waiting or running" },
      )
      .toBe(0);
  } finally {
    await client.end();
  }
}
