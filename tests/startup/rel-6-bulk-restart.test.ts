import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulkInvitationRun } from "../../contracts/bulk-invitations.js";
import { createGrantsWorld, type GrantsWorld } from "../support/factories-grants.js";
import { startTestSmtpSink } from "../support/smtp-sink.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { childEnv, eventually, type RunningProcess, readyLine, startServer } from "./process.js";

const FILES = 300;

/**
 * REL-6: the bulk invitation's worker is killed hard in the middle of a run and started again; the
 * run finishes and every person gets the invitation — once. The web side runs in this process (it
 * only enqueues); the worker is a real server process on the same database.
 */
describe("REL-6 restart during a bulk invitation", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let sinkUrl = "";
  let sink: Awaited<ReturnType<typeof startTestSmtpSink>>["sink"];
  let worker: RunningProcess | null = null;
  let fileIds: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ env: { ATRIUM_ROLE: "web" } });
    w = await createGrantsWorld(t);
    ({ sink, url: sinkUrl } = await startTestSmtpSink());
    const { rows } = await t.deps.database.owner.query<{ id: string }>(
      `with f as (
         insert into client_files (firm_id, id, kind, display_name, number, case_owner_id)
         select $1::uuid, gen_random_uuid(), 'private', 'Restart ' || n, 'R-' || n, $2
           from generate_series(1, $3::int) n
         returning id, display_name
       ), p as (
         insert into persons (firm_id, id, client_file_id, role, first_name, last_name, email)
         select $1::uuid, gen_random_uuid(), f.id, 'holder', 'Person', f.display_name,
                'rel6-' || replace(lower(f.display_name), ' ', '-') || '@example.test'
           from f
       )
       select id from f`,
      [w.firmId, w.owner.userId, FILES],
    );
    fileIds = rows.map((r) => r.id);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop(2_000);
    await sink?.stop();
    await t?.close();
  });

  const startWorker = async () => {
    const server = startServer(
      childEnv({
        ATRIUM_ROLE: "worker",
        DATABASE_URL: t.databaseUrl,
        SMTP_URL: sinkUrl,
        AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
        PUBLIC_URL: "http://localhost:3000",
        ATRIUM_DATA_DIR: `/tmp/atrium-rel6-${process.pid}`,
      }),
    );
    await server.waitForLine(readyLine, 60_000);
    return server;
  };
  const runState = async (id: string) =>
    (
      await t.deps.database.owner.query<{ status: string; processed: number }>(
        "select status, processed from bulk_invitation_runs where id = $1",
        [id],
      )
    ).rows[0];

  it("REL-6 a worker killed mid-run is restarted: the run finishes, everyone is invited once", async () => {
    const res = await w.owner.client.post<BulkInvitationRun>("/api/invitations/bulk", { fileIds });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    worker = await startWorker();
    await eventually(async () => ((await runState(res.body.id))?.processed ?? 0) >= 50, 60_000);
    const atKill = await runState(res.body.id);
    await worker.killHard();
    expect(atKill?.status).toBe("running");
    expect(atKill?.processed).toBeLessThan(FILES);
    worker = await startWorker();
    // The killed worker's job expires (60 s), maintenance (every 15 s) hands it to the new worker.
    await eventually(async () => (await runState(res.body.id))?.status === "done", 240_000);
    const run = (await w.owner.client.get<BulkInvitationRun>(`/api/invitations/bulk/${res.body.id}`)).body;
    expect(run).toMatchObject({ processed: FILES, invited: FILES, skipped: 0 });
    const invitations = await t.deps.database.owner.query<{ n: string }>(
      "select count(*) as n from client_invitations where email like 'rel6-%'",
    );
    expect(Number(invitations.rows[0]?.n)).toBe(FILES);
    await sink.waitFor((m) => m.to.includes("rel6-"), { count: FILES, timeoutMs: 120_000 });
    const perRecipient = new Map<string, number>();
    for (const mail of sink.mails.filter((m) => m.to.includes("rel6-")))
      perRecipient.set(mail.to, (perRecipient.get(mail.to) ?? 0) + 1);
    expect(perRecipient.size).toBe(FILES);
    // A delivery in flight at the kill may be sent again (SMTP accepted, its record not yet written):
    // at most one delivery batch.
    const doubled = [...perRecipient.values()].filter((n) => n > 1).length;
    expect(doubled).toBeLessThanOrEqual(20);
  }, 420_000);
});
