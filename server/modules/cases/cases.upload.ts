import type { FastifyRequest } from "fastify";
import { caseAttachmentLimits } from "../../../contracts/cases.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { type FileStore, FileTooLargeError } from "../../platform/storage/storage.js";
import { neutraliseFileName, SniffingStream } from "../documents/documents.content.js";

// A case's writes carry a JSON body, or multipart with that body as the text part `data` and the
// attachments as parts `files`. Files stream straight into the store and are sniffed on the way
// (SEC-15, the same checks as documents); anything refused removes what was stored.

/** An attachment stored under `key`, measured and sniffed. */
export interface StoredAttachment {
  id: string;
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** What a case write carried: its body (not yet checked) and the stored attachments. */
export interface ReceivedCaseWrite {
  body: unknown;
  files: StoredAttachment[];
}

/** Where an attachment of a case is stored: ids only, never a name the user sent. */
export function attachmentKey(firmId: string, caseId: string, attachmentId: string): string {
  return `${firmId}/cases/${caseId}/${attachmentId}`;
}

const megabytes = (bytes: number) => Math.max(1, Math.floor(bytes / (1024 * 1024)));

function tooLarge(limitBytes: number): AppError {
  const params = { maxMb: megabytes(limitBytes) };
  return new AppError("payload_too_large", "cases.file_too_large", params, {
    fields: [{ field: "files", message: "cases.file_too_large", params }],
  });
}

/** Maps what @fastify/multipart and the sniffer throw to the API's errors, on the field `files`. */
function uploadError(error: unknown, limitBytes: number): unknown {
  if (error instanceof FileTooLargeError) return tooLarge(limitBytes);
  if (error instanceof AppError) {
    const fields = error.details.fields?.map((f) => (f.field === "file" ? { ...f, field: "files" } : f));
    return fields
      ? new AppError(error.code, error.messageKey, error.params, { ...error.details, fields })
      : error;
  }
  switch ((error as { code?: string }).code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return tooLarge(limitBytes);
    case "FST_FILES_LIMIT":
      return invalidField("files", "cases.files_too_many", { max: caseAttachmentLimits.files });
    case "FST_FIELDS_LIMIT":
    case "FST_PARTS_LIMIT":
    case "FST_PROTO_VIOLATION":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return invalidField("body", "field.type");
  }
  return error;
}

/** The per-file limit: the installation's upload limit, at most the cases' own. */
export function attachmentLimitBytes(uploadLimitBytes: number): number {
  return Math.min(uploadLimitBytes, caseAttachmentLimits.bytesPerFile);
}

/**
 * Reads a case write. JSON: the parsed body, no files. Multipart: `data` parsed as JSON (a field error
 * on `data` when it is not), each `files` part stored under `keyOf(id)`.
 */
export async function receiveCaseWrite(
  request: FastifyRequest,
  store: FileStore,
  options: { keyOf: (attachmentId: string) => string; limitBytes: number },
): Promise<ReceivedCaseWrite> {
  if (!request.isMultipart()) return { body: request.body ?? {}, files: [] };
  const files: StoredAttachment[] = [];
  let data: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === "field") {
        if (part.fieldname !== "data") throw invalidField(part.fieldname, "field.unknown");
        if (part.valueTruncated) throw invalidField("data", "field.too_long", { max: 100_000 });
        data = String(part.value);
        continue;
      }
      if (part.fieldname !== "files") {
        part.file.resume();
        throw invalidField(part.fieldname, "field.unknown");
      }
      const id = newId();
      const key = options.keyOf(id);
      const fileName = neutraliseFileName(part.filename);
      const sniffer = new SniffingStream(fileName);
      part.file.on("error", (error) => sniffer.destroy(error));
      part.file.pipe(sniffer);
      try {
        const stored = await store.put(key, sniffer, { maxBytes: options.limitBytes });
        files.push({ id, key, fileName, contentType: sniffer.contentType ?? "", ...stored });
      } catch (error) {
        // Keep reading the rest of the upload so the request ends and the answer reaches the client.
        part.file.unpipe(sniffer);
        if (!part.file.destroyed) part.file.resume();
        throw error;
      }
      if (part.file.truncated) throw tooLarge(options.limitBytes);
    }
  } catch (error) {
    await removeAttachments(store, files);
    throw uploadError(error, options.limitBytes);
  }
  let body: unknown = {};
  if (data !== null) {
    try {
      body = JSON.parse(data);
    } catch {
      await removeAttachments(store, files);
      throw invalidField("data", "cases.data_unreadable");
    }
  }
  return { body, files };
}

/** Removes stored attachments of a refused write (best effort: a leftover file is harmless). */
export async function removeAttachments(store: FileStore, files: readonly StoredAttachment[]): Promise<void> {
  for (const file of files) await store.delete(file.key).catch(() => {});
}
