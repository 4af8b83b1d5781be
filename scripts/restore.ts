// `npm run restore -- <backup directory>`: restores a backup written by `npm run backup` into a fresh,
// empty database (DATABASE_URL's, or a new embedded one in ATRIUM_DATA_DIR) and a fresh data directory,
// then compares every table's row count and every file's SHA-256 with the backup's manifest.
import { ConfigError, loadConfig } from "../server/config.js";
import { databaseFunctions } from "../server/modules/database-functions.js";
import { BackupError } from "../server/platform/backup/manifest.js";
import { describeReport, restoreBackup } from "../server/platform/backup/run-restore.js";

const usage = "Usage: npm run restore -- <backup directory>";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]?.startsWith("--")) {
    console.error(
      `${usage}\nGive the directory that "npm run backup" wrote; the target is DATABASE_URL or ATRIUM_DATA_DIR.`,
    );
    return 2;
  }
  const config = loadConfig({ ...process.env, ATRIUM_ROLE: "web" });
  const started = performance.now();
  let report: Awaited<ReturnType<typeof restoreBackup>>;
  try {
    report = await restoreBackup({
      config,
      source: args[0] as string,
      databaseFunctions,
      pgRestore: process.env.PG_RESTORE || undefined,
      pathVariable: process.env.PATH,
      log: (line) => console.log(line),
    });
  } catch (error) {
    if (error instanceof BackupError || error instanceof ConfigError) throw error;
    throw new BackupError(
      `The restore failed: ${error instanceof Error ? error.message : String(error)}. The target may be partly filled: drop and create the database again (or remove the new ATRIUM_DATA_DIR) before the next try.`,
    );
  }
  console.log("\nComparison with the backup's manifest:");
  for (const line of describeReport(report)) console.log(`  ${line}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!report.ok) {
    console.error(
      `Restore finished in ${seconds} s but does NOT match the backup (see MISMATCH above): do not use it; restore again from another copy.`,
    );
    return 1;
  }
  console.log(
    `Restore complete in ${seconds} s: every table and file matches the backup. Start Atrium with the same AUTH_SECRET (or the restored auth-secret file).`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof BackupError || error instanceof ConfigError) console.error(error.message);
    else console.error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
