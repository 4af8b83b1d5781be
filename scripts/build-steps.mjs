// Build steps shared by `npm start` and `npm run test:e2e`: each builds only when its output is
// missing or older than its sources, so a second start does no work.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when `output` is missing or older than any file in `sourceDirs` or `files` (relative to root). */
export function isStale(output, sourceDirs, files = []) {
  if (!existsSync(output)) return true;
  const sources = Math.max(
    ...sourceDirs.map((dir) => newestMtime(path.join(root, dir))),
    ...files.map((file) => statSync(path.join(root, file)).mtimeMs),
  );
  return statSync(output).mtimeMs < sources;
}

/** Runs a Node script of the project (or a package's bin) with inherited output; returns its exit code. */
export function runNode(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Builds the web app into dist/web with Vite when stale; exits the process when the build fails. */
export function buildWebIfStale() {
  if (!isStale(path.join(root, "dist/web/index.html"), ["web", "contracts"], ["vite.config.ts"])) return;
  console.log("Building the web app (first start or changed sources) …");
  const status = runNode([path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"]);
  if (status !== 0) {
    console.error("Building the web app failed; see the messages above.");
    process.exit(status);
  }
}

/** Bundles the server into dist/server/main.js with esbuild when stale (packages stay external). */
export async function buildServerIfStale() {
  const bundle = path.join(root, "dist/server/main.js");
  if (!isStale(bundle, ["server", "contracts"], ["package-lock.json"])) return bundle;
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(root, "server/main.ts")],
    outdir: path.join(root, "dist/server"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    jsx: "automatic",
    sourcemap: true,
    logLevel: "warning",
  });
  return bundle;
}
