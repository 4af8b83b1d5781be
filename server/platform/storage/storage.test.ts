import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalFileStore, FileNotFoundError, type FileStore, FileTooLargeError } from "./storage.js";

describe("local file store", () => {
  let root: string;
  let store: FileStore;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "atrium-store-"));
    store = createLocalFileStore(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const leftovers = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;

  it("stores a stream, measuring size and SHA-256 while writing, and reads it back", async () => {
    const chunks = ["Guten ", "Tag ", "Frau Muster"];
    const stored = await store.put("firm/documents/doc/1", Readable.from(chunks.map((c) => Buffer.from(c))));
    const whole = chunks.join("");
    expect(stored).toEqual({
      size: Buffer.byteLength(whole),
      sha256: createHash("sha256").update(whole).digest("hex"),
    });
    expect(await store.exists("firm/documents/doc/1")).toBe(true);
    expect(await text(await store.get("firm/documents/doc/1"))).toBe(whole);
  });

  it("keeps nothing when the stream fails or is over the limit", async () => {
    const before = await leftovers();
    const failing = new Readable({
      read() {
        this.push(Buffer.from("part"));
        this.destroy(new Error("connection lost"));
      },
    });
    await expect(store.put("firm/documents/doc/2", failing)).rejects.toThrow("connection lost");
    await expect(
      store.put("firm/documents/doc/3", Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), {
        maxBytes: 15,
      }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await leftovers()).toBe(before);
    expect(await store.exists("firm/documents/doc/2")).toBe(false);
  });

  it("deletes, reports missing files, and refuses keys that could leave its folder", async () => {
    await store.put("firm/documents/gone/1", Readable.from([Buffer.from("x")]));
    await store.delete("firm/documents/gone/1");
    expect(await store.exists("firm/documents/gone/1")).toBe(false);
    await expect(store.get("firm/documents/gone/1")).rejects.toBeInstanceOf(FileNotFoundError);
    await store.delete("firm/documents/gone/1");
    for (const key of ["../escape", "a/../../b", "/abs", "a//b", "a/b.txt", ""]) {
      await expect(store.put(key, Readable.from([Buffer.from("x")]))).rejects.toThrow("invalid storage key");
    }
  });
});
