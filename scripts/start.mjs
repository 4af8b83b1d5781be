// `npm start`: builds what is missing or older than its sources — the web app (Vite) and the server
// (esbuild, one ESM bundle with its packages external) — then runs the server in this process.
// Running a prebuilt bundle instead of compiling TypeScript at start keeps the idle footprint small.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(output, sourceDirs, files = []) {
  if (!existsSync(output)) return true;
  const sources = Math.max(
    ...sourceDirs.map((dir) => newestMtime(path.join(root, dir))),
    ...files.map((file) => statSync(path.join(root, file)).mtimeMs),
  );
  return statSync(output).mtimeMs < sources;
}

const webIndex = path.join(root, "dist/web/index.html");
if (isStale(webIndex, ["web", "contracts"], ["vite.config.ts"])) {
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

const serverBundle = path.join(root, "dist/server/main.js");
if (isStale(serverBundle, ["server", "contracts"], ["package-lock.json"])) {
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
}

await import(pathToFileURL(serverBundle).href);
