import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BackupError, type StoredFile } from "./manifest.js";

/**
 * What in the data directory is not backed up as files: the embedded cluster (its rows are in the
 * dump) with its password (a new cluster makes its own), and the store's half-written uploads.
 */
const excluded = new Set(["pg", "pg-password", path.join("files", ".tmp")]);

/** Counts and hashes what passes through. */
class Hasher extends Transform {
  size = 0;
  readonly hash = createHash("sha256");
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/** Copies one file, hashing the bytes on the way; the copy is readable by its owner only. */
async function copyHashed(from: string, to: string): Promise<{ size: number; sha256: string }> {
  await mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  const hasher = new Hasher();
  await pipeline(createReadStream(from), hasher, createWriteStream(to, { flags: "wx", mode: 0o600 }));
  return { size: hasher.size, sha256: hasher.hash.digest("hex") };
}

/** The SHA-256 and size of a file. */
export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hasher = new Hasher();
  await pipeline(createReadStream(file), hasher, async (source: AsyncIterable<Buffer>) => {
    for await (const _ of source);
  });
  return { size: hasher.size, sha256: hasher.hash.digest("hex") };
}

/** Relative paths of the regular files under `root` that a backup carries, sorted. */
export async function listDataFiles(root: string, skip: readonly string[] = []): Promise<string[]> {
  const skipped = new Set([...excluded, ...skip]);
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch((error) => {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    });
    for (const entry of entries) {
      const rel = relative ? path.join(relative, entry.name) : entry.name;
      if (skipped.has(rel)) continue;
      if (entry.isDirectory()) await walk(rel);
      // Sockets, links and the like are nothing Atrium stores.
      else if (entry.isFile()) found.push(rel);
    }
  };
  await walk("");
  return found.sort();
}

/** Copies the data directory's files (see `excluded`) into `target`, recording each one's hash. */
export async function backupDataFiles(dataDir: string, target: string): Promise<StoredFile[]> {
  const entries: StoredFile[] = [];
  for (const rel of await listDataFiles(dataDir)) {
    try {
      const copied = await copyHashed(path.join(dataDir, rel), path.join(target, rel));
      entries.push({ path: rel.split(path.sep).join("/"), ...copied });
    } catch (error) {
      // Removed since it was listed (a document deleted meanwhile): nothing to keep.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return entries;
}

/** A relative path from a manifest, refused if it could leave the directory it is meant for. */
export function safeRelative(rel: string): string {
  const normal = path.normalize(rel);
  if (path.isAbsolute(normal) || normal.startsWith("..") || normal.split(path.sep).includes("..")) {
    throw new BackupError(`The manifest names a file outside the backup (${rel}): the backup is corrupt.`);
  }
  return normal;
}

/** The files of `entries` whose bytes under `root` differ from the manifest (missing ones included). */
export async function mismatchedFiles(root: string, entries: readonly StoredFile[]): Promise<string[]> {
  const bad: string[] = [];
  for (const entry of entries) {
    const actual = await hashFile(path.join(root, safeRelative(entry.path))).catch(() => null);
    if (!actual || actual.sha256 !== entry.sha256 || actual.size !== entry.size) bad.push(entry.path);
  }
  return bad;
}

/** Copies the backed-up files into a data directory. */
export async function restoreDataFiles(from: string, dataDir: string, entries: readonly StoredFile[]) {
  for (const entry of entries) {
    const rel = safeRelative(entry.path);
    await copyHashed(path.join(from, rel), path.join(dataDir, rel));
  }
}
