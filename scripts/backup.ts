// `npm run backup -- <new directory> [--builtin]`: writes a backup of this installation — its database
// (DATABASE_URL's, or the embedded one in ATRIUM_DATA_DIR) and the files of its data directory — with a
// manifest that `npm run restore` checks against.
import { ConfigError, loadConfig } from "../server/config.js";
import { BackupError } from "../server/platform/backup/manifest.js";
import { createBackup } from "../server/platform/backup/run-backup.js";

const usage = "Usage: npm run backup -- <new backup directory> [--builtin]";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const builtin = args.includes("--builtin");
  const positional = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--builtin");
  if (positional.length !== 1 || unknown.length > 0) {
    console.error(
      `${usage}\nGive exactly one directory to write the backup to (it must not exist or be empty).`,
    );
    return 2;
  }
  const config = loadConfig({ ...process.env, ATRIUM_ROLE: "web" });
  const started = performance.now();
  const manifest = await createBackup({
    config,
    target: positional[0] as string,
    builtin,
    pgDump: process.env.PG_DUMP || undefined,
    pathVariable: process.env.PATH,
    log: (line) => console.log(line),
  });
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  const tables = Object.keys(manifest.tables).length;
  const mb = (manifest.files.totalBytes / 1024 / 1024).toFixed(1);
  console.log(
    `Backup complete in ${((performance.now() - started) / 1000).toFixed(1)} s: ${tables} tables with ${rows} rows (${manifest.database.method === "pg_dump" ? "pg_dump" : "built-in dump"}), ${manifest.files.count} files (${mb} MB), migration ${manifest.migrations.lastTag ?? manifest.migrations.applied}.`,
  );
  console.log(
    "Keep AUTH_SECRET (or the data directory's auth-secret, which this backup holds) with it, and the backup itself private.",
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof BackupError || error instanceof ConfigError) console.error(error.message);
    else {
      const target = process.argv.slice(2).find((a) => !a.startsWith("--"));
      console.error(
        `The backup failed: ${error instanceof Error ? error.message : String(error)}. ${target} is incomplete (no manifest.json): remove it before the next try.`,
      );
    }
    process.exit(1);
  },
);
