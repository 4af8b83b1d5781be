import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseFunctions } from "../../server/modules/database-functions.js";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../server/platform/db/embedded.js";
import { grantQueueAccess, migrateDatabase } from "../../server/platform/db/migrate.js";
import { JobQueue, QUEUE_SCHEMA } from "../../server/platform/jobs/queue.js";
import { adminQuery, newTemplateName, withDatabase } from "./database.js";
import { findRlsProblems } from "./rls-catalog.js";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a PostgreSQL (the embedded one, or DATABASE_URL's server), and a template database
 * migrated once, from which every test file clones its own. The RLS catalog check (SEC-10) runs here
 * too, so a broken isolation setup stops the whole suite before any test.
 */
/** A random high port may be taken by another program on a shared machine: try a few before failing. */
async function startOnSomeFreePort(dataDir: string): Promise<EmbeddedDatabase> {
  for (let attempt = 1; ; attempt++) {
    const port = 55_000 + Math.floor(Math.random() * 5_000);
    try {
      return await startEmbeddedPostgres({ dataDir, port, database: "atrium_test_admin" });
    } catch (error) {
      const taken = error instanceof Error && /already in use/.test(error.message);
      if (!taken || attempt >= 5) throw error;
    }
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-test-pg-"));
    embedded = await startOnSomeFreePort(dataDir);
    adminUrl = embedded.url;
  }

  const template = newTemplateName();
  const templateUrl = withDatabase(adminUrl, template);
  const owner = new pg.Pool({ connectionString: templateUrl, max: 2 });
  try {
    await adminQuery(adminUrl, `create database ${template}`);
    await migrateDatabase(owner, databaseFunctions);
    const queue = new JobQueue(templateUrl, { work: false });
    await queue.start();
    await queue.stop();
    await grantQueueAccess(owner, QUEUE_SCHEMA);
    const problems = await findRlsProblems(templateUrl);
    if (problems.length > 0)
      throw new Error(`SEC-10 row-level security is not set up right:\n${problems.join("\n")}`);
  } catch (error) {
    await owner.end();
    await adminQuery(adminUrl, `drop database if exists ${template} with (force)`).catch(() => {});
    await embedded?.stop();
    throw error;
  }
  await owner.end();

  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", template);
  return async () => {
    await adminQuery(adminUrl, `drop database if exists ${template} with (force)`).catch(() => {});
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
