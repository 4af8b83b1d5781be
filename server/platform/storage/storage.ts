import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Options of one `put`. */
export interface PutOptions {
  /** Stop and fail with `FileTooLargeError` once more than this many bytes have arrived. */
  maxBytes?: number;
}

/** What a stored object turned out to be, measured while it was written. */
export interface StoredObject {
  size: number;
  sha256: string;
}

/**
 * Where uploaded files live. Keys are built by the server from ids only (`<firmId>/documents/<documentId>/<version>`),
 * never from names a user sent; a put is atomic (nothing is visible under the key until it completed).
 */
export interface FileStore {
  put(key: string, stream: Readable, opts?: PutOptions): Promise<StoredObject>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Thrown by `put` when the stream is longer than `maxBytes`; nothing is kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

/** Thrown by `get` when no object is stored under the key. */
export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored file under ${key}`);
    this.name = "FileNotFoundError";
  }
}

const keyPattern = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** Rejects anything that could leave the root: keys are ids joined by slashes, nothing else. */
function checkKey(key: string): void {
  if (!keyPattern.test(key) || key.length > 512)
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

/** Counts and hashes the bytes passing through, and stops past a size limit. */
class MeasuringStream extends Transform {
  size = 0;
  private readonly hash = createHash("sha256");

  constructor(private readonly maxBytes: number | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.maxBytes !== undefined && this.size > this.maxBytes) {
      callback(new FileTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest("hex");
  }
}

/** A FileStore on a local directory: one file per key, written to a temporary name and then renamed. */
export function createLocalFileStore(rootDir: string): FileStore {
  const root = path.resolve(rootDir);
  const tmpDir = path.join(root, ".tmp");
  const pathOf = (key: string) => {
    checkKey(key);
    return path.join(root, ...key.split("/"));
  };

  return {
    async put(key, stream, opts = {}) {
      // An error while the folders are made is kept by the stream and reported by the pipeline below.
      stream.on("error", () => {});
      const target = pathOf(key);
      await fs.mkdir(tmpDir, { recursive: true });
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(tmpDir, `${randomBytes(12).toString("hex")}.part`);
      const measure = new MeasuringStream(opts.maxBytes);
      const sink = createWriteStream(tmp, { flags: "wx", mode: 0o600 });
      try {
        await pipeline(stream, measure, sink);
        await fs.rename(tmp, target).catch(async (error: NodeJS.ErrnoException) => {
          // A concurrent delete may have pruned the emptied folder in between: create it again once.
          if (error.code !== "ENOENT") throw error;
          await fs.mkdir(path.dirname(target), { recursive: true });
          await fs.rename(tmp, target);
        });
      } catch (error) {
        // The pipeline rejects at the first error, possibly before the temp file was even opened:
        // wait until the write stream has closed, or removing it could run before it exists.
        if (!sink.closed) await once(sink, "close").catch(() => {});
        await fs.rm(tmp, { force: true });
        // The source may still hold unread data (e.g. an upload): drain it so the request can end.
        if (!stream.destroyed) stream.resume();
        throw error;
      }
      return { size: measure.size, sha256: measure.digest() };
    },

    async get(key) {
      const file = pathOf(key);
      try {
        const handle = await fs.open(file, "r");
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new FileNotFoundError(key);
        throw error;
      }
    },

    async delete(key) {
      const file = pathOf(key);
      await fs.rm(file, { force: true });
      // Remove emptied parent folders up to the root; a non-empty one stops the walk.
      let dir = path.dirname(file);
      while (dir.startsWith(root + path.sep) && dir !== root) {
        try {
          await fs.rmdir(dir);
        } catch {
          break;
        }
        dir = path.dirname(dir);
      }
    },

    async exists(key) {
      try {
        return (await fs.stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
  };
}

/**
 * Removes stored files after the transaction that dropped their rows committed (a rolled-back delete
 * must still find them); a file that cannot be removed is logged and left, never fails the request.
 */
export async function removeStoredFiles(
  store: FileStore,
  keys: readonly string[],
  log: { warn: (details: object, message: string) => void },
): Promise<void> {
  for (const key of keys) {
    await store.delete(key).catch((error) => log.warn({ err: error, key }, "stored file not removed"));
  }
}
