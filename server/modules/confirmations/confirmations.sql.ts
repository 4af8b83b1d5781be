import type pg from "pg";

const sweepPredicate = "nullif(current_setting('app.reminder_sweep', true), '') = 'on'";

/**
 * What the confirmation tables need beyond their columns, (re)created at each start after the
 * migrations: the reminder sweep may read and advance due requests of every firm (as it does for
 * invitations), and evidence once written can never be changed — an UPDATE is refused by a trigger,
 * so not even a bug in the app can rewrite who confirmed what and when.
 */
export async function createConfirmationSafeguards(client: pg.PoolClient | pg.Client): Promise<void> {
  for (const command of ["select", "update"] as const) {
    await client.query(`drop policy if exists reminder_sweep_${command} on confirmation_requests`);
    await client.query(
      `create policy reminder_sweep_${command} on confirmation_requests for ${command} using (${sweepPredicate})${command === "update" ? ` with check (${sweepPredicate})` : ""}`,
    );
  }
  await client.query(`
    create or replace function public.confirmation_evidence_immutable() returns trigger
      language plpgsql set search_path = pg_catalog, pg_temp
    as $fn$
    begin
      raise exception 'confirmation evidence is immutable' using errcode = 'insufficient_privilege';
    end
    $fn$`);
  await client.query("drop trigger if exists confirmation_evidence_immutable on confirmation_evidence");
  await client.query(`create trigger confirmation_evidence_immutable before update on confirmation_evidence
      for each row execute function public.confirmation_evidence_immutable()`);
}
