import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { buildApp, loggerOptions } from "../../server/app.js";
import { openServices, type Services } from "../../server/bootstrap.js";
import { loadConfig } from "../../server/config.js";
import type { App, AppDeps } from "../../server/deps.js";
import type { SmtpSink } from "../../server/platform/mail/smtp-sink.js";
import { FakeClock } from "./clock.js";
import { createTestDatabase } from "./database.js";
import { startTestSmtpSink } from "./smtp-sink.js";

/** A real Atrium on its own cloned database, with a real SMTP sink and a controllable clock. */
export interface TestApp {
  app: App;
  deps: AppDeps;
  services: Services;
  sink: SmtpSink;
  clock: FakeClock;
  databaseUrl: string;
  close(): Promise<void>;
}

interface TestAppOptions {
  /** Extra environment for loadConfig (e.g. ATRIUM_ROLE). */
  env?: Record<string, string>;
  /** Use the development mailbox (no SMTP_URL) instead of the test sink. */
  devMailbox?: boolean;
  /** Reuse an existing test database instead of cloning a new one. */
  databaseUrl?: string;
  /** Collect the server's JSON log lines here (at debug level). */
  logLines?: string[];
}

/** Starts the app for one test file: clone the template database, open services, build the app. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.databaseUrl
    ? null
    : await createTestDatabase(inject("adminUrl"), inject("templateDatabase"));
  const databaseUrl = options.databaseUrl ?? db?.url ?? "";
  const { sink, url: smtpUrl } = await startTestSmtpSink();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-test-data-"));
  const config = loadConfig({
    NODE_ENV: "test",
    ATRIUM_DATA_DIR: dataDir,
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    PUBLIC_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
    ...(options.devMailbox ? {} : { SMTP_URL: smtpUrl }),
    ...options.env,
  });
  const clock = new FakeClock();
  const services = await openServices(config, databaseUrl, {
    clock,
    pollingIntervalSeconds: 0.5,
    appPoolSize: 5,
  });
  // ATRIUM_TEST_LOG=debug shows the server's log while debugging a test.
  const logLevel = process.env.ATRIUM_TEST_LOG;
  const logLines = options.logLines;
  const logger = logLines
    ? loggerOptions("debug", { write: (line) => void logLines.push(line) })
    : logLevel
      ? loggerOptions(logLevel)
      : false;
  const app = await buildApp(services.deps, { logger });
  await app.ready();
  return {
    app,
    deps: services.deps,
    services,
    sink,
    clock,
    databaseUrl,
    async close() {
      await app.close();
      await services.close();
      await sink.stop();
      await db?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
