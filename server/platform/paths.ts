import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root (the folder with package.json), found from this file's location. The server runs
 * both from its sources and bundled into dist/, so paths to shipped files start here, not beside code.
 */
export const projectRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Atrium's package.json was not found above the server code");
    dir = parent;
  }
  return dir;
})();

/** The committed Drizzle migrations. */
export const migrationsFolder = path.join(projectRoot, "server/db/migrations");
