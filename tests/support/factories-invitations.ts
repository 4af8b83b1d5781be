import type { Invitation } from "../../contracts/invitations.js";
import type { CaughtMail } from "../../server/platform/mail/smtp-sink.js";
import type { TestApp } from "./test-app.js";

const tokenInLink = /\/invite\/client#token=([A-Za-z0-9_-]{43})/;

/** The outbox rows of an invitation, oldest first (read as the owner, across firms). */
export async function invitationOutbox(t: TestApp, invitationId: string) {
  const { rows } = await t.deps.database.owner.query<{
    id: string;
    template: string;
    to_address: string;
    subject: string;
    text: string;
    language: string;
    status: string;
    reminder: number | null;
    sealed_secrets: string | null;
  }>(
    `select id, template, to_address, subject, text, language, status, (meta->>'reminder')::int as reminder,
            sealed_secrets
       from mail_outbox where meta->>'invitationId' = $1 order by created_at, id`,
    [invitationId],
  );
  return rows;
}

/** Waits until the outbox row's mail reached the test SMTP sink, and answers it. */
export async function deliveredMail(t: TestApp, outboxId: string): Promise<CaughtMail> {
  const [mail] = await t.sink.waitFor((m) => m.outboxId === outboxId, { timeoutMs: 20_000 });
  if (!mail) throw new Error(`mail ${outboxId} did not arrive`);
  return mail;
}

/** The registration token in a delivered invitation or reminder mail. */
export function tokenOf(mail: Pick<CaughtMail, "text">): string {
  const token = mail.text.match(tokenInLink)?.[1];
  if (!token) throw new Error("the mail carries no invitation link");
  return token;
}

/** The token of an invitation's latest mail, once it has arrived at the sink. */
export async function latestInvitationToken(t: TestApp, invitation: Pick<Invitation, "id">): Promise<string> {
  const rows = await invitationOutbox(t, invitation.id);
  const last = rows.at(-1);
  if (!last) throw new Error(`no mail queued for invitation ${invitation.id}`);
  return tokenOf(await deliveredMail(t, last.id));
}

/** The token of a link as staff copy it (INV-2). */
export function tokenOfUrl(url: string): string {
  const token = url.match(tokenInLink)?.[1];
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/**
 * `count` grantees of a grant, each with a pending email invitation sent at `sentAt` on the schedule
 * `reminderDays` — written in two statements, as many invitations as a bulk run leaves behind.
 */
export async function insertPendingInvitations(
  t: TestApp,
  input: { firmId: string; grantId: string; count: number; sentAt: Date; reminderDays: number[] },
): Promise<Array<{ invitationId: string; granteeId: string }>> {
  const client = await t.deps.database.owner.connect();
  try {
    await client.query("begin");
    await client.query("select set_config('app.firm_id', $1, true)", [input.firmId]);
    const { rows } = await client.query<{ invitation_id: string; grantee_id: string }>(
      `with made as (
         insert into grantees (firm_id, id, grant_id, email, name, status)
         select $1::uuid, gen_random_uuid(), $2::uuid, 'bulk-' || n || '-' || $2::text || '@example.test', 'Bulk ' || n, 'pending'
           from generate_series(1, $3::int) n
         returning id, email, name
       )
       insert into client_invitations (firm_id, id, grant_id, grantee_id, email, name, language, salutation,
                                       channel, reminder_days, next_reminder_at, sent_at, expires_at)
       select $1::uuid, gen_random_uuid(), $2::uuid, made.id, made.email, made.name, 'en', 'formal', 'email', $5::int[],
              $4::timestamptz + make_interval(days => ($5::int[])[1]), $4, $4::timestamptz + interval '30 days'
         from made
       returning id as invitation_id, grantee_id`,
      [input.firmId, input.grantId, input.count, input.sentAt, input.reminderDays],
    );
    await client.query("commit");
    return rows.map((r) => ({ invitationId: r.invitation_id, granteeId: r.grantee_id }));
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

/** The reminder mails queued per invitation (reminder numbers, in order), across firms. */
export async function remindersByInvitation(t: TestApp): Promise<Map<string, number[]>> {
  const { rows } = await t.deps.database.owner.query<{ invitation_id: string; reminder: number }>(
    `select meta->>'invitationId' as invitation_id, (meta->>'reminder')::int as reminder
       from mail_outbox where template = 'client-invitation' and (meta->>'reminder')::int > 0
      order by created_at, id`,
  );
  const out = new Map<string, number[]>();
  for (const r of rows) out.set(r.invitation_id, [...(out.get(r.invitation_id) ?? []), r.reminder]);
  return out;
}

/** The reminder jobs not yet finished (waiting, retrying or running). */
export async function openReminderJobs(t: TestApp) {
  const { rows } = await t.deps.database.owner.query<{
    data: { firmId: string; invitationId: string; reminder: number };
  }>(
    "select data from pgboss.job where name = 'invitations.remind' and state in ('created', 'retry', 'active')",
  );
  return rows.map((r) => r.data);
}
