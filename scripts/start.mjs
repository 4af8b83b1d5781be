// `npm start`: builds what is missing or older than its sources — the web app (Vite) and the server
// (esbuild, one ESM bundle with its packages external) — then runs the server in this process.
// Running a prebuilt bundle instead of compiling TypeScript at start keeps the idle footprint small.
import { pathToFileURL } from "node:url";
import { buildServerIfStale, buildWebIfStale } from "./build-steps.mjs";

buildWebIfStale();
const bundle = await buildServerIfStale();
await import(pathToFileURL(bundle).href);
