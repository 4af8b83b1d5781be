// `npm run test:e2e`: builds the web app when it is missing or older than its sources, then runs the
// browser journeys with vitest and exits with vitest's exit code.
import path from "node:path";
import { buildWebIfStale, root, runNode } from "./build-steps.mjs";

buildWebIfStale();
const vitest = path.join(root, "node_modules/vitest/vitest.mjs");
process.exit(runNode([vitest, "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)]));
