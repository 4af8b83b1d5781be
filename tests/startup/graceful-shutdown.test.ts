import { randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inFirm } from "../../server/platform/db/scope.js";
import { deliverEmailJob } from "../../server/platform/mail/outbox.js";
import { createFirm } from "../support/factories.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import {
  Cleanup,
  childEnv,
  eventually,
  freePort,
  type RunningProcess,
  readyLine,
  startServer,
} from "./process.js";
import { startSlowSmtpSink } from "./slow-smtp-sink.js";

const SECRET = "test-secret-test-secret-test-secret-0123";
const stoppingLine = /Atrium is stopping \(SIGTERM\)/;

/** An HTTP request written by hand on its own connection, so its body can be held back. */
interface HeldRequest {
  /** Sends the rest of the body and resolves with the status line's code. */
  finish(): Promise<number>;
  socket: net.Socket;
}

/** Opens a connection and sends a POST's headers and the first `sentPart` of its JSON body, then waits. */
async function holdRequest(port: number, path: string, body: string, sentPart: number): Promise<HeldRequest> {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let answer = "";
  socket.on("data", (chunk: Buffer) => {
    answer += chunk.toString("utf8");
  });
  socket.on("error", () => {});
  const answered = new Promise<string>((resolve) => socket.once("close", () => resolve(answer)));
  const bytes = Buffer.from(body, "utf8");
  const cut = Math.floor(bytes.length * sentPart);
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `X-Atrium-Csrf: 1\r\nContent-Length: ${bytes.length}\r\nConnection: keep-alive\r\n\r\n`,
  );
  socket.write(bytes.subarray(0, cut));
  return {
    socket,
    async finish() {
      socket.write(bytes.subarray(cut));
      // The server closes the connection once it has answered, as it is shutting down.
      const text = await answered;
      return Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
    },
  };
}

/** Whether a new connection to the port is refused (or, if accepted, answered 503). */
async function newRequestsRefused(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health/live`, {
      signal: AbortSignal.timeout(2_000),
    });
    return response.status === 503;
  } catch {
    return true;
  }
}

/**
 * Graceful shutdown through real server processes on one database: a request in flight at SIGTERM
 * completes and its effect is stored while new connections are refused; a mail delivery in flight
 * finishes, is accepted once and recorded sent, and is not sent again after a restart; the process
 * exits 0 within ATRIUM_SHUTDOWN_TIMEOUT_S, cuts what is left at that bound, and a second signal ends
 * it at once.
 */
describe("graceful shutdown", { timeout: 150_000 }, () => {
  const cleanup = new Cleanup();
  let t: TestApp;
  let shared: Record<string, string> = {};

  beforeAll(async () => {
    // This process only prepares rows and reads them back; the server processes do the work.
    t = await startTestApp({ env: { ATRIUM_ROLE: "web" } });
    cleanup.add(() => t.close());
    shared = {
      DATABASE_URL: t.databaseUrl,
      AUTH_SECRET: SECRET,
      PUBLIC_URL: "http://localhost:3000",
      ATRIUM_DATA_DIR: cleanup.path(`/tmp/atrium-graceful-${process.pid}-${randomBytes(3).toString("hex")}`),
    };
  }, 60_000);
  afterAll(() => cleanup.run(), 60_000);

  const start = async (vars: Record<string, string>) => {
    const server = cleanup.process(startServer(childEnv({ ...shared, ...vars })));
    await server.waitForLine(readyLine, 60_000);
    return server;
  };
  const sigterm = async (server: RunningProcess) => {
    const at = Date.now();
    server.child.kill("SIGTERM");
    await server.waitForLine(stoppingLine, 5_000);
    return at;
  };

  it("a request in flight at SIGTERM completes and is stored; new connections are refused; exit 0 in the bound", async () => {
    const port = await freePort();
    const server = await start({ PORT: String(port), SMTP_URL: `smtp://127.0.0.1:${t.sink.port}` });
    const firmName = `Kanzlei Feierabend ${randomBytes(3).toString("hex")}`;
    const body = JSON.stringify({
      firmName,
      language: "de",
      adminName: "Anna Admin",
      adminEmail: `anna-${randomBytes(3).toString("hex")}@example.test`,
      password: "correct horse battery staple",
    });
    const held = await holdRequest(port, "/api/setup", body, 0.5);
    // Let the server read the headers: the request is now in flight.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalledAt = await sigterm(server);
    expect(await eventually(() => newRequestsRefused(port), 3_000)).toBe(true);
    // The client keeps sending slowly; the server waits for it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.exit()).toBeNull();
    expect(await held.finish()).toBe(201);

    const exit = await server.exited;
    const seconds = (Date.now() - signalledAt) / 1000;
    expect(exit, server.stderr()).toEqual({ code: 0, signal: null });
    expect(seconds).toBeLessThan(20);
    expect(server.stdout()).toContain("Atrium stopped.");
    const { rows } = await t.deps.database.owner.query("select name from firms where name = $1", [firmName]);
    expect(rows).toHaveLength(1);
    console.log(`graceful shutdown with a request in flight: exit 0 after ${seconds.toFixed(1)} s`);
  });

  it("a mail delivery in flight at SIGTERM finishes: accepted once, recorded sent, not sent again after a restart", async () => {
    const sink = await startSlowSmtpSink({ answerDelayMs: 3_000 });
    cleanup.add(() => sink.stop());
    const { firmId } = await createFirm(t.deps, { name: "Maklerbüro Ruhe" });
    let outboxId = "";
    await inFirm(t.deps.database, firmId, async (tx) => {
      const { rows } = await tx.client.query<{ id: string }>(
        `insert into mail_outbox (firm_id, id, template, to_address, language, subject, html, text)
         values ($1, gen_random_uuid(), 'invitation', 'ruhe@example.test', 'de', 'Ihre Einladung', '<p>Hallo</p>', 'Hallo')
         returning id`,
        [firmId],
      );
      outboxId = rows[0]?.id ?? "";
      await t.deps.queue.enqueue(tx, deliverEmailJob, { firmId, outboxId });
    });
    const workerEnv = { ATRIUM_ROLE: "worker", SMTP_URL: sink.url, ATRIUM_SHUTDOWN_TIMEOUT_S: "15" };
    const worker = await start(workerEnv);
    // The worker is now waiting for the mail server to accept the message.
    await sink.dataReceived(outboxId, 30_000);
    const signalledAt = await sigterm(worker);

    const exit = await worker.exited;
    const seconds = (Date.now() - signalledAt) / 1000;
    expect(exit, `${worker.stdout()}\n${worker.stderr()}`).toEqual({ code: 0, signal: null });
    // It waited for the SMTP answer (3 s) and no longer than the bound.
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(15);
    const recorded = async () =>
      (
        await t.deps.database.owner.query<{ status: string }>(
          "select status from mail_outbox where firm_id = $1 and id = $2",
          [firmId, outboxId],
        )
      ).rows[0]?.status;
    expect(await recorded()).toBe("sent");
    expect(sink.accepted(outboxId)).toBe(1);
    const job = await t.deps.database.owner.query<{ state: string }>(
      "select state::text from pgboss.job where name = $1 and data->>'outboxId' = $2",
      [deliverEmailJob.name, outboxId],
    );
    expect(job.rows.map((r) => r.state)).toEqual(["completed"]);

    // A restart finds nothing left to do for this mail.
    const again = await start(workerEnv);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(sink.accepted(outboxId)).toBe(1);
    expect(sink.started(outboxId)).toBe(1);
    expect(await again.stop()).toEqual({ code: 0, signal: null });
    console.log(`graceful shutdown with a mail in flight: exit 0 after ${seconds.toFixed(1)} s`);
  });

  it("at ATRIUM_SHUTDOWN_TIMEOUT_S a request that never completes is cut and the process still ends", async () => {
    const port = await freePort();
    const server = await start({ PORT: String(port), ATRIUM_ROLE: "web", ATRIUM_SHUTDOWN_TIMEOUT_S: "2" });
    const held = await holdRequest(port, "/api/setup", JSON.stringify({ firmName: "x".repeat(200) }), 0.3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = await sigterm(server);
    const exit = await server.exited;
    const seconds = (Date.now() - signalledAt) / 1000;
    expect(exit.code).toBe(1);
    expect(seconds).toBeGreaterThanOrEqual(1.9);
    expect(seconds).toBeLessThan(6);
    expect(server.stderr()).toContain("connection(s) still busy after 2 s were closed");
    held.socket.destroy();
  });

  it("a second signal while draining ends the process at once", async () => {
    const port = await freePort();
    const server = await start({ PORT: String(port), ATRIUM_ROLE: "web", ATRIUM_SHUTDOWN_TIMEOUT_S: "60" });
    const held = await holdRequest(port, "/api/setup", JSON.stringify({ firmName: "x".repeat(200) }), 0.3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sigterm(server);
    const secondAt = Date.now();
    server.child.kill("SIGTERM");
    const exit = await server.exited;
    expect(exit.code).toBe(1);
    expect((Date.now() - secondAt) / 1000).toBeLessThan(3);
    expect(server.stderr()).toContain("received SIGTERM again and exits now");
    held.socket.destroy();
  });
});
