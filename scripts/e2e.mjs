// `npm run test:e2e`: builds the web app when it is missing or older than its sources, then runs the
// browser journeys with vitest and exits with vitest's exit code.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const builtIndex = path.join(root, "dist/web/index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const sourcesNewest = Math.max(
  newestMtime(path.join(root, "web")),
  newestMtime(path.join(root, "contracts")),
  statSync(path.join(root, "vite.config.ts")).mtimeMs,
);
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourcesNewest) {
  console.log("Building the web app …");
  const status = run([path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"]);
  if (status !== 0) {
    console.error("Building the web app failed; see the messages above.");
    process.exit(status);
  }
}

const vitest = path.join(root, "node_modules/vitest/vitest.mjs");
process.exit(run([vitest, "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)]));
