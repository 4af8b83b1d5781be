import { buildApp, loggerOptions } from "./app.js";
import { openServices } from "./bootstrap.js";
import { ConfigError, loadConfig } from "./config.js";
import { type EmbeddedDatabase, ensurePortFree, startEmbeddedPostgres } from "./platform/db/embedded.js";

/** Starts Atrium: config → database → migrations → jobs and mail → HTTP; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  if (config.runsWeb) await ensurePortFree(config.port, "PORT", config.host);

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      database: "atrium",
      log: (line) => console.log(line),
    });
    databaseUrl = embedded.url;
  }

  const services = await openServices(config, databaseUrl).catch(async (error) => {
    await embedded?.stop();
    throw error;
  });
  const app = config.runsWeb
    ? await buildApp(services.deps, {
        logger: loggerOptions(config.logLevel),
      })
    : null;
  if (app) await app.listen({ port: config.port, host: config.host });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Atrium is stopping (${signal}) …`);
    await app?.close();
    await services.close();
    await embedded?.stop();
    console.log("Atrium stopped.");
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const where = app ? `${config.publicUrl}` : "(worker only, no HTTP)";
  console.log(`Atrium is ready at ${where} — role ${config.role}, started in ${seconds} s`);
  if (services.deps.devMailboxDir && app) {
    console.log(
      `Development mailbox: sign in as an administrator and open ${config.publicUrl}/app/dev/mailbox`,
    );
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Atrium could not start: ${error instanceof Error ? error.stack : String(error)}`);
  }
  process.exit(1);
});
