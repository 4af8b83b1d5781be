import type { FileStore } from "../../platform/storage/storage.js";

/** The largest CSV file accepted (50 MB). */
export const IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

/** Where the uploaded CSV of an import lives in the file store (ids only). */
export function importStorageKey(firmId: string, id: string): string {
  return `${firmId}/imports/${id}`;
}

/** Reads a stored object into memory (imports are at most 50 MB). */
export async function readStored(files: FileStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await files.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
