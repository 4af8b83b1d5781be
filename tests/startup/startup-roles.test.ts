import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SmtpSink } from "../../server/platform/mail/smtp-sink.js";
import { adminQuery, withDatabase } from "../support/database.js";
import { startTestSmtpSink } from "../support/smtp-sink.js";
import { Cleanup, childEnv, freePort, isPortFree, readyLine, startServer } from "./process.js";

/**
 * A web process and a worker process on one database (an empty one on the suite's PostgreSQL, which
 * the first process migrates), sending to a real SMTP sink: the web process only queues the welcome
 * mail of the setup, the worker sends it.
 */
describe("web and worker roles split the work", { timeout: 60_000 }, () => {
  const cleanup = new Cleanup();
  const adminEmail = `anna-${randomBytes(4).toString("hex")}@example.test`;
  const toAdmin = (mail: { to: string }) => mail.to.includes(adminEmail);
  let sink: SmtpSink;
  let shared: Record<string, string> = {};

  beforeAll(async () => {
    const adminUrl = inject("adminUrl");
    const database = `atrium_roles_${randomBytes(6).toString("hex")}`;
    await adminQuery(adminUrl, `create database ${database}`);
    cleanup.add(() => adminQuery(adminUrl, `drop database if exists ${database} with (force)`));
    const started = await startTestSmtpSink();
    sink = started.sink;
    cleanup.add(() => sink.stop());
    const root = cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-startup-roles-")));
    shared = {
      DATABASE_URL: withDatabase(adminUrl, database),
      SMTP_URL: started.url,
      // One secret for both, as in a real split deployment (sessions must hold across processes).
      AUTH_SECRET: randomBytes(32).toString("hex"),
      ATRIUM_DATA_DIR: root,
    };
  });
  afterAll(() => cleanup.run());

  it("ATRIUM_ROLE=web serves health and setup but leaves the queued welcome mail to a worker", async () => {
    const port = await freePort();
    const web = cleanup.process(startServer(childEnv({ ...shared, ATRIUM_ROLE: "web", PORT: String(port) })));
    const { line } = await web.waitForLine(readyLine, 45_000);
    expect(line).toMatch(/role web,/);
    const base = `http://127.0.0.1:${port}`;

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const setup = await fetch(`${base}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-atrium-csrf": "1" },
      body: JSON.stringify({
        firmName: "Kanzlei Rollen AG",
        language: "de",
        adminName: "Anna Admin",
        adminEmail,
        password: "correct horse battery staple",
      }),
    });
    expect(setup.status, await setup.clone().text()).toBe(201);

    // A web-only process must not work jobs: with no worker anywhere, nothing may reach the sink.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(sink.mails.filter(toAdmin)).toEqual([]);
  });

  it("ATRIUM_ROLE=worker does not listen on PORT, says it is ready as a worker, and sends the welcome mail", async () => {
    const port = await freePort();
    const worker = cleanup.process(
      startServer(childEnv({ ...shared, ATRIUM_ROLE: "worker", PORT: String(port) })),
    );
    const { line } = await worker.waitForLine(readyLine, 45_000);
    expect(line).toMatch(/role worker,/);
    expect(line).toContain("worker only, no HTTP");
    expect(await isPortFree(port)).toBe(true);

    const [mail] = await sink.waitFor(toAdmin, { timeoutMs: 30_000 });
    expect(mail?.subject).toContain("Kanzlei Rollen AG");
    expect(sink.mails.filter(toAdmin)).toHaveLength(1);
  });
});
