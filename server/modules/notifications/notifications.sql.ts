import type pg from "pg";

const sweepPredicate = "nullif(current_setting('app.notification_sweep', true), '') = 'on'";

/**
 * The digest sweep finds the recipients with waiting items in every firm at once: a transaction that
 * set app.notification_sweep may read notification items and digests (never change them); each digest
 * is then sent in its firm's own scope. Recreated at each start after the migrations.
 */
export async function createNotificationSweepPolicies(client: pg.PoolClient | pg.Client): Promise<void> {
  for (const table of ["notification_items", "notification_digests"]) {
    await client.query(`drop policy if exists notification_sweep_select on ${table}`);
    await client.query(
      `create policy notification_sweep_select on ${table} for select using (${sweepPredicate})`,
    );
  }
}
