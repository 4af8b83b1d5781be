import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DocumentDetail } from "../../contracts/documents.js";
import type { GrantDetail, Grantee } from "../../contracts/grants.js";
import type { Invitation } from "../../contracts/invitations.js";
import { seedDemo } from "../../server/modules/demo/demo.service.js";
import {
  listSequences,
  listTables,
  qualified,
  serverVersion,
  tableKey,
} from "../../server/platform/backup/catalog.js";
import { listDataFiles } from "../../server/platform/backup/data-files.js";
import type { Manifest } from "../../server/platform/backup/manifest.js";
import { findPgTool } from "../../server/platform/backup/pg-tools.js";
import { adminQuery, createTestDatabase, withDatabase } from "../support/database.js";
import { categoriesOf, makePdf, multipartBody, tinyPng } from "../support/factories-documents.js";
import { createGrantsWorld, type GrantsWorld } from "../support/factories-grants.js";
import { findRlsProblems } from "../support/rls-catalog.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { Cleanup, childEnv, freePort, readyLine, spawnNode, startServer } from "./process.js";

/** Runs `npm run <script>`'s program (node --import tsx scripts/<script>.ts) to its end. */
async function runScript(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const child = spawnNode(["--import", "tsx", `scripts/${script}.ts`, ...args], childEnv(env));
  const timer = setTimeout(() => void child.stop(1_000), 150_000);
  const exit = await child.exited;
  clearTimeout(timer);
  return { code: exit.code, stdout: child.stdout(), stderr: child.stderr() };
}

/** Every table's row count and an MD5 over its rows in a fixed order, plus every sequence's position. */
async function databaseContent(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const content: Record<string, string> = {};
    for (const table of await listTables(client)) {
      const { rows } = await client.query<{ n: string; digest: string }>(
        `select count(*)::text as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest
           from ${qualified(table)} t`,
      );
      content[tableKey(table)] = `${rows[0]?.n} rows, md5 ${rows[0]?.digest}`;
    }
    for (const sequence of await listSequences(client)) {
      const { rows } = await client.query<{ v: string }>(
        `select last_value::text || ' ' || is_called::text as v from ${qualified(sequence)}`,
      );
      content[`sequence ${tableKey(sequence)}`] = rows[0]?.v ?? "";
    }
    return content;
  } finally {
    await client.end();
  }
}

/** A new, empty database on the suite's server (the embedded one, or DATABASE_URL's). */
async function emptyDatabase(cleanup: Cleanup): Promise<string> {
  const adminUrl = inject("adminUrl");
  const name = `atrium_restore_${randomBytes(5).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name} template template0`);
  cleanup.add(() => adminQuery(adminUrl, `drop database if exists ${name} with (force)`));
  return withDatabase(adminUrl, name);
}

describe("backup and restore (npm run backup, npm run restore)", () => {
  const cleanup = new Cleanup();
  let source: TestApp;
  let w: GrantsWorld;
  let backupDir: string;
  let backup: Awaited<ReturnType<typeof runScript>>;
  let uploaded: { fileId: string; documentId: string; bytes: Buffer };
  const tmp = async (prefix: string) => cleanup.path(await mkdtemp(path.join(os.tmpdir(), prefix)));

  beforeAll(async () => {
    const db = await createTestDatabase(inject("adminUrl"), inject("templateDatabase"));
    cleanup.add(() => db.drop());
    // The web role only: no worker changes a row between the backup and the comparison below.
    source = await startTestApp({ databaseUrl: db.url, env: { ATRIUM_ROLE: "web" } });
    cleanup.add(() => source.close());

    // A firm as the demo builds it: client files, persons, contracts, claims, documents with stored PDFs, a grant.
    await seedDemo(source.deps, { generated: 8 });
    // Two more firms with staff signed in, and through the API: a grant, a grantee, an invitation (a
    // queued mail job), an uploaded document and a logo, each audited.
    w = await createGrantsWorld(source);
    const grant = await w.owner.client.post<GrantDetail>("/api/grants", {
      name: "Familie Muster",
      fileIds: [w.klaraFile],
    });
    expect(grant.status).toBe(201);
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grant.body.id}/grantees`, {
      personId: w.people.klara.id,
    });
    expect(grantee.status).toBe(201);
    const invitation = await w.owner.client.post<Invitation>(
      `/api/grants/${grant.body.id}/grantees/${grantee.body.id}/invitation`,
      {},
    );
    expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
    const bytes = await makePdf("Police 2026 — Haftpflicht");
    const { payload, headers } = multipartBody([
      { name: "title", value: "Police Haftpflicht 2026" },
      { name: "categoryId", value: (await categoriesOf(source.deps, w.firmId)).get("policy")?.id ?? "" },
      { name: "file", fileName: "police.pdf", content: bytes, contentType: "application/pdf" },
    ]);
    const doc = await w.owner.client.request<DocumentDetail>(
      "POST",
      `/api/client-files/${w.klaraFile}/documents`,
      payload,
      headers,
    );
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    uploaded = { fileId: w.klaraFile, documentId: doc.body.id, bytes };
    const logo = await w.admin.client.request("PUT", "/api/firm/logo", tinyPng, {
      "content-type": "image/png",
    });
    expect(logo.status).toBe(200);

    const { rows } = await source.deps.database.owner.query<{
      jobs: number;
      audits: number;
      invitations: number;
    }>(
      `select (select count(*) from pgboss.job)::int as jobs, (select count(*) from audit_events)::int as audits,
              (select count(*) from client_invitations)::int as invitations`,
    );
    expect(rows[0]?.jobs).toBeGreaterThan(0);
    expect(rows[0]?.audits).toBeGreaterThan(2);
    expect(rows[0]?.invitations).toBe(1);

    backupDir = path.join(await tmp("atrium-backup-"), "backup");
    backup = await runScript("backup", [backupDir], {
      DATABASE_URL: source.databaseUrl,
      ATRIUM_DATA_DIR: source.deps.config.dataDir,
    });
  }, 180_000);
  afterAll(() => cleanup.run());

  it("backs up with pg_dump when one fits the server, else with the built-in dump, and says which", async () => {
    expect(backup.code, backup.stderr + backup.stdout).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(backupDir, "manifest.json"), "utf8")) as Manifest;
    const client = new pg.Client({ connectionString: source.databaseUrl });
    await client.connect();
    const server = await serverVersion(client).finally(() => client.end());
    const pgDump = await findPgTool("pg_dump", server.major, { pathVariable: process.env.PATH });
    const method = pgDump.tool ? "pg_dump" : "builtin";
    expect(manifest.database.method).toBe(method);
    expect(backup.stdout).toMatch(
      method === "pg_dump" ? /Database dump: pg_dump, custom format/ : /Database dump: built-in/,
    );
    expect(manifest.tables["public.documents"]).toBeGreaterThan(5);
    expect(manifest.files.entries.some((f) => f.path.includes("/logo"))).toBe(true);
    expect(manifest.migrations.applied).toBeGreaterThan(10);
  });

  /** Restores `dir` into a new database and data directory and compares both with the source. */
  async function restoreAndCompare(dir: string) {
    const expected = await databaseContent(source.databaseUrl);
    const restoredUrl = await emptyDatabase(cleanup);
    const restoredDir = await tmp("atrium-restored-");
    const restore = await runScript("restore", [dir], {
      DATABASE_URL: restoredUrl,
      ATRIUM_DATA_DIR: restoredDir,
    });
    expect(restore.code, restore.stderr + restore.stdout).toBe(0);
    expect(restore.stdout).toMatch(/every table and file matches the backup/);
    expect(restore.stdout).not.toMatch(/MISMATCH/);

    expect(Object.keys(expected).length).toBeGreaterThan(40);
    expect(await databaseContent(restoredUrl)).toEqual(expected);
    expect(await findRlsProblems(restoredUrl)).toEqual([]);
    const files = await listDataFiles(source.deps.config.dataDir);
    expect(files.length).toBeGreaterThan(5);
    expect(await listDataFiles(restoredDir)).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([
        readFile(path.join(source.deps.config.dataDir, file)),
        readFile(path.join(restoredDir, file)),
      ]);
      expect(b.equals(a), file).toBe(true);
    }
    return { restoredUrl, restoredDir };
  }

  it("restores into a fresh database and data directory: every table row for row, every file byte for byte", async () => {
    expect(backup.code, backup.stderr).toBe(0);
    const { restoredUrl, restoredDir } = await restoreAndCompare(backupDir);

    // The restored installation serves: a staff member signs in and downloads the uploaded document.
    const restored = await startTestApp({ databaseUrl: restoredUrl, env: { ATRIUM_DATA_DIR: restoredDir } });
    try {
      const signIn = await restored.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: w.owner.email, password: w.owner.password },
        headers: { "x-atrium-csrf": "1" },
      });
      expect(signIn.statusCode).toBe(200);
      const cookie = [signIn.headers["set-cookie"]]
        .flat()
        .map((c) => String(c).split(";")[0])
        .join("; ");
      const download = await restored.app.inject({
        method: "GET",
        url: `/api/client-files/${uploaded.fileId}/documents/${uploaded.documentId}/download`,
        headers: { cookie },
      });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(uploaded.bytes)).toBe(true);
    } finally {
      await restored.close();
    }
  }, 180_000);

  it("restores the built-in dump (--builtin, as for the embedded PostgreSQL 18) just as exactly", async (ctx) => {
    const first = JSON.parse(await readFile(path.join(backupDir, "manifest.json"), "utf8")) as Manifest;
    // The backup above already used the built-in dump (no pg_dump fits the server): nothing new to prove.
    if (first.database.method === "builtin") ctx.skip();
    const dir = path.join(await tmp("atrium-backup-"), "builtin");
    const res = await runScript("backup", [dir, "--builtin"], {
      DATABASE_URL: source.databaseUrl,
      ATRIUM_DATA_DIR: source.deps.config.dataDir,
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Database dump: built-in logical dump, one COPY per table in one snapshot/);
    await restoreAndCompare(dir);
  }, 180_000);

  it("refuses a target database that is not empty, in one line saying what to do", async () => {
    const res = await runScript("restore", [backupDir], {
      DATABASE_URL: source.databaseUrl,
      ATRIUM_DATA_DIR: await tmp("atrium-restored-"),
    });
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    expect(res.stderr).toMatch(/is not empty .*restore into a new, empty database/);
  }, 60_000);

  it("refuses a corrupt or tampered backup and bad input before touching the target", async () => {
    const target = {
      DATABASE_URL: await emptyDatabase(cleanup),
      ATRIUM_DATA_DIR: await tmp("atrium-restored-"),
    };
    const copy = async (change: (dir: string) => Promise<void>) => {
      const dir = path.join(await tmp("atrium-backup-copy-"), "backup");
      await cp(backupDir, dir, { recursive: true });
      await change(dir);
      return dir;
    };
    const manifestOf = (dir: string) => path.join(dir, "manifest.json");
    const cases: Array<[string, string[], RegExp]> = [
      [
        "corrupt manifest",
        [await copy((dir) => writeFile(manifestOf(dir), '{ "format": "atrium-backup", '))],
        /manifest\.json is corrupt \(not JSON\): restore from another copy/,
      ],
      [
        "manifest of a newer format",
        [
          await copy(async (dir) => {
            const manifest = JSON.parse(await readFile(manifestOf(dir), "utf8"));
            await writeFile(manifestOf(dir), JSON.stringify({ ...manifest, formatVersion: 99 }));
          }),
        ],
        /format version 99, newer than this Atrium reads/,
      ],
      [
        "tampered document",
        [
          await copy(async (dir) => {
            const manifest = JSON.parse(await readFile(manifestOf(dir), "utf8")) as Manifest;
            const doc = manifest.files.entries.find((f) => f.path.includes("/documents/"));
            await writeFile(path.join(dir, "files", doc?.path ?? "x"), "not the document");
          }),
        ],
        /The backup is damaged: 1 file\(s\) differ from its manifest/,
      ],
      [
        "backup of a newer Atrium",
        [
          await copy(async (dir) => {
            const manifest = JSON.parse(await readFile(manifestOf(dir), "utf8")) as Manifest;
            manifest.migrations = {
              applied: 99,
              lastCreatedAt: Date.now() + 10 ** 12,
              lastTag: "0099_future",
            };
            await writeFile(manifestOf(dir), JSON.stringify({ ...manifest, atriumVersion: "9.0.0" }));
          }),
        ],
        /made by a newer Atrium \(9\.0\.0, migration 0099_future\): restore it with Atrium 9\.0\.0 or newer/,
      ],
      ["missing directory", [path.join(os.tmpdir(), "no-such-atrium-backup")], /is not a directory/],
      ["no directory given", [], /Usage: npm run restore -- <backup directory>/],
    ];
    for (const [name, args, message] of cases) {
      const res = await runScript("restore", args, target);
      expect(res.code, name).not.toBe(0);
      expect(res.stderr, name).toMatch(message);
    }
    // Nothing was written: the target is still empty and can take the restore.
    const client = new pg.Client({ connectionString: target.DATABASE_URL });
    await client.connect();
    const { rows } = await client
      .query<{ n: number }>(
        "select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
      )
      .finally(() => client.end());
    expect(rows[0]?.n).toBe(0);
    expect(await listDataFiles(target.ATRIUM_DATA_DIR)).toEqual([]);
  }, 120_000);
});

describe("backup and restore of the embedded database (no DATABASE_URL)", () => {
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  it("backs up a running and a stopped installation and restores into a new data directory", async () => {
    const dataDir = cleanup.dataDir(await mkdtemp(path.join(os.tmpdir(), "atrium-embedded-")));
    const env = { ATRIUM_DATA_DIR: dataDir, ATRIUM_PG_PORT: String(await freePort()) };
    const server = cleanup.process(startServer(childEnv({ ...env, PORT: String(await freePort()) })));
    await server.waitForLine(readyLine, 60_000);
    const backups = cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-backups-")));

    // While Atrium runs, the backup reads its embedded PostgreSQL instead of starting another.
    const whileRunning = await runScript("backup", [path.join(backups, "running")], env);
    expect(whileRunning.code, whileRunning.stderr).toBe(0);
    expect(whileRunning.stdout).toMatch(/Using the embedded PostgreSQL that is running/);
    // Stopped, the backup starts the cluster for its run (and stops it again).
    await server.stop();
    const whileStopped = await runScript("backup", [path.join(backups, "stopped")], env);
    expect(whileStopped.code, whileStopped.stderr).toBe(0);
    expect(whileStopped.stdout).toMatch(/Started the embedded PostgreSQL in .* for this run/);
    const manifests = await Promise.all(
      ["running", "stopped"].map(
        async (name) =>
          JSON.parse(await readFile(path.join(backups, name, "manifest.json"), "utf8")) as Manifest,
      ),
    );
    expect(manifests[1]?.tables).toEqual(manifests[0]?.tables);
    // The data directory's own secret travels with the backup; the cluster's password does not.
    expect(manifests[1]?.files.entries.map((f) => f.path)).toContain("auth-secret");
    expect(manifests[1]?.files.entries.map((f) => f.path)).not.toContain("pg-password");

    const restoredDir = cleanup.dataDir(await mkdtemp(path.join(os.tmpdir(), "atrium-embedded-restored-")));
    const restored = await runScript("restore", [path.join(backups, "stopped")], {
      ATRIUM_DATA_DIR: restoredDir,
      ATRIUM_PG_PORT: String(await freePort()),
    });
    expect(restored.code, restored.stderr + restored.stdout).toBe(0);
    expect(restored.stdout).toMatch(/Creating the embedded PostgreSQL cluster/);
    expect(restored.stdout).toMatch(/every table and file matches the backup/);
    expect(await readFile(path.join(restoredDir, "auth-secret"), "utf8")).toBe(
      await readFile(path.join(dataDir, "auth-secret"), "utf8"),
    );
  }, 240_000);
});
