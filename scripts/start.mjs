// `npm start`: builds the web app when it is missing or older than its sources, then runs the server
// in this same process (TypeScript loaded through tsx), so there is one process to stop.
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

const sourcesNewest = Math.max(
  newestMtime(path.join(root, "web")),
  newestMtime(path.join(root, "contracts")),
);
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourcesNewest) {
  console.log("Building the web app (first start or changed sources) …");
  const vite = path.join(root, "node_modules/vite/bin/vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error("Building the web app failed; see the messages above.");
    process.exit(1);
  }
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "server/main.ts"));
