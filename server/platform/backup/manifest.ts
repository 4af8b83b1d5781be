import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../paths.js";

/** A refusal or failure of backup or restore; its message is one line saying what to do. */
export class BackupError extends Error {}

/** The manifest's file name inside a backup directory; written last, so its presence marks a complete backup. */
export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_FORMAT = "atrium-backup";
export const MANIFEST_VERSION = 1;

const storedFile = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  atriumVersion: z.string(),
  database: z.object({
    method: z.enum(["pg_dump", "builtin"]),
    serverVersion: z.string(),
    serverMajor: z.number().int(),
    /** pg_dump: the tool's version line; builtin: "built-in". */
    tool: z.string(),
    toolMajor: z.number().int().optional(),
    /** pg_dump: the archive; builtin: the per-table COPY files. */
    dumpFiles: z.array(storedFile),
  }),
  migrations: z.object({
    applied: z.number().int().nonnegative(),
    lastCreatedAt: z.number().int(),
    lastTag: z.string().nullable(),
  }),
  pgBossVersion: z.number().int().nullable(),
  /** Row counts per table ("schema.table"), all read in the dump's snapshot. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** Built-in dump only: each table's COPY file and columns, in restore order. */
  copies: z
    .array(
      z.object({ table: z.string(), schema: z.string(), file: z.string(), columns: z.array(z.string()) }),
    )
    .optional(),
  /** Built-in dump only: each sequence's position, to be set again after the rows are in. */
  sequences: z
    .array(z.object({ schema: z.string(), name: z.string(), lastValue: z.string(), isCalled: z.boolean() }))
    .optional(),
  files: z.object({ count: z.number().int(), totalBytes: z.number().int(), entries: z.array(storedFile) }),
});

/** What a backup holds and how to check it (manifest.json). */
export type Manifest = z.infer<typeof manifestSchema>;
/** One file of a backup with its size and SHA-256. */
export type StoredFile = z.infer<typeof storedFile>;

/** Atrium's version from package.json. */
export async function atriumVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** Writes the manifest atomically (a temporary name, then renamed). */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const tmp = path.join(dir, `${MANIFEST_FILE}.part`);
  await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path.join(dir, MANIFEST_FILE));
}

/** Reads and checks a backup's manifest; every problem becomes one line saying what to do. */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new BackupError(
      `${file} is missing: ${dir} is not a complete Atrium backup. Give the directory that "npm run backup" wrote.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError(
      `${file} is corrupt (not JSON): restore from another copy of the backup, or make a new one with "npm run backup".`,
    );
  }
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== MANIFEST_FORMAT) {
    throw new BackupError(
      `${file} is not an Atrium backup manifest: give the directory that "npm run backup" wrote.`,
    );
  }
  if (head.data.formatVersion > MANIFEST_VERSION) {
    throw new BackupError(
      `${file} has format version ${head.data.formatVersion}, newer than this Atrium reads (${MANIFEST_VERSION}): restore with the Atrium version that made it or a newer one.`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(
      `${file} is corrupt (${issue?.path.join(".") || "manifest"}: ${issue?.message}): restore from another copy of the backup, or make a new one.`,
    );
  }
  return parsed.data;
}
