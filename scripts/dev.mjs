// `npm run dev`: the server restarting on changes (tsx watch) and Vite's dev server with hot reload
// in front of it. Open the Vite URL; it proxies /api to the server.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vitePort = process.env.VITE_PORT ?? "5173";
// Sessions and origin checks must see the address the browser uses: Vite's.
const env = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${vitePort}` };

const children = [
  spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "watch", "server/main.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  }),
  spawn(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "--port", vitePort, "--strictPort"],
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  ),
];

let exiting = false;
function stopAll(code) {
  if (exiting) return;
  exiting = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3000).unref();
}
for (const child of children) child.on("exit", (code) => stopAll(code ?? 0));
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
