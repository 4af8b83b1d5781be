// `npm run demo`: creates (or refreshes) the demo firm with its staff and client files in the app's
// database — the embedded PostgreSQL in the data directory, or DATABASE_URL — and prints how to sign in.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { openServices } from "../server/bootstrap.js";
import { ConfigError, loadConfig } from "../server/config.js";
import { seedDemo } from "../server/modules/demo/demo.service.js";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../server/platform/db/embedded.js";

/**
 * Whether a running Atrium serves the embedded PostgreSQL of this data directory: its postmaster.pid
 * names a live process. Then the demo connects to it instead of starting (and so stopping) it.
 */
async function runningPostgres(dataDir: string): Promise<boolean> {
  const pidText = await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number.parseInt(pidText.split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  // Only the web role: the demo enqueues nothing and must not start workers or a mail sink.
  const config = loadConfig({ ...process.env, ATRIUM_ROLE: "web" });
  let embedded: EmbeddedDatabase | undefined;
  let appRunning = false;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    if (await runningPostgres(config.dataDir)) {
      // Atrium is running: use its embedded PostgreSQL instead of stopping and restarting it.
      const password = (await readFile(path.join(config.dataDir, "pg-password"), "utf8")).trim();
      databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPgPort}/atrium`;
      console.log("Using the PostgreSQL of the running Atrium.");
      appRunning = true;
    } else {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        database: "atrium",
        log: (line) => console.log(line),
      });
      databaseUrl = embedded.url;
    }
  }
  const services = await openServices(config, databaseUrl);
  try {
    console.log("Creating the demo data …");
    const summary = await seedDemo(services.deps);
    console.log(
      `\nDemo firm "${summary.firmName}": ${summary.files} client files, ${summary.persons} persons, ` +
        `${summary.contracts} contracts, ${summary.documents} documents.`,
    );
    if (summary.becameFirstFirm)
      console.log("Nothing had been set up yet: the demo firm is this installation's first firm.");
    const start = appRunning ? "Sign in" : "Start Atrium (npm start) and sign in";
    console.log(`\n${start} at ${config.publicUrl}/app`);
    console.log(`  administrator: ${summary.adminEmail}`);
    console.log(`  advisor:       ${summary.advisorEmail}`);
    console.log(`  password:      ${summary.password}`);
  } finally {
    await services.close();
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `The demo data could not be created: ${error instanceof Error ? error.stack : String(error)}`,
    );
    process.exit(1);
  },
);
