import type { FastifyRequest } from "fastify";
import { AppError, invalidField } from "../../platform/errors.js";
import { type FileStore, FileTooLargeError } from "../../platform/storage/storage.js";
import { neutraliseFileName, SniffingStream } from "./documents.content.js";

/** A file that arrived and is stored under `key`, measured and sniffed on the way. */
export interface StoredUpload {
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** What a multipart upload carried: its text fields and the stored file (if one came). */
export interface ReceivedUpload {
  fields: Record<string, string>;
  file: StoredUpload | null;
}

const tooLarge = () => new AppError("payload_too_large", "documents.too_large");

/** Maps what @fastify/multipart throws to the API's errors. */
function multipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof FileTooLargeError) return tooLarge();
  switch ((error as { code?: string }).code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return tooLarge();
    case "FST_FILES_LIMIT":
      return invalidField("file", "documents.file_one");
    case "FST_FIELDS_LIMIT":
    case "FST_PARTS_LIMIT":
    case "FST_PROTO_VIOLATION":
    case "FST_INVALID_JSON_FIELD_ERROR":
      return invalidField("body", "field.type");
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return invalidField("file", "documents.file_required");
  }
  return error;
}

/**
 * Reads a multipart upload: text fields into a map, the one `file` part streamed straight into the
 * store under `key` (never held in memory), its type sniffed from its bytes. Whatever fails after the
 * file was stored removes it again, so a refused upload leaves nothing behind.
 */
export async function receiveUpload(
  request: FastifyRequest,
  store: FileStore,
  options: { key: string; limitBytes: number },
): Promise<ReceivedUpload> {
  const fields: Record<string, string> = {};
  let file: StoredUpload | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === "field") {
        if (part.valueTruncated) throw invalidField(part.fieldname, "field.too_long", { max: 10_000 });
        if (!(part.fieldname in fields)) fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== "file") {
        part.file.resume();
        throw invalidField(part.fieldname, "field.unknown");
      }
      const fileName = neutraliseFileName(part.filename);
      const sniffer = new SniffingStream(fileName);
      part.file.on("error", (error) => sniffer.destroy(error));
      part.file.pipe(sniffer);
      try {
        const stored = await store.put(options.key, sniffer, { maxBytes: options.limitBytes });
        file = { key: options.key, fileName, contentType: sniffer.contentType ?? "", ...stored };
      } catch (error) {
        // Keep reading the rest of the upload so the request ends and the answer reaches the client.
        part.file.unpipe(sniffer);
        if (!part.file.destroyed) part.file.resume();
        throw error;
      }
      if (part.file.truncated) throw tooLarge();
    }
  } catch (error) {
    if (file) await store.delete(options.key).catch(() => {});
    throw multipartError(error);
  }
  return { fields, file };
}
