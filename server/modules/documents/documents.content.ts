import { Transform, type TransformCallback } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { invalidField } from "../../platform/errors.js";

/** How many leading bytes decide the type; zip-based office formats need more than the magic number. */
const sampleBytes = 64 * 1024;

/** The allowed types (SEC-15), as file-type reports them, with the label the refusal hint lists. */
const allowedBinary = new Map<string, string>([
  ["application/pdf", "PDF"],
  ["image/png", "PNG"],
  ["image/jpeg", "JPEG"],
  ["image/webp", "WebP"],
  ["image/gif", "GIF"],
  ["image/tiff", "TIFF"],
  ["image/heic", "HEIC"],
  ["image/heif", "HEIC"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"],
  ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX"],
  ["application/vnd.oasis.opendocument.text", "ODT"],
  ["application/vnd.oasis.opendocument.spreadsheet", "ODS"],
  ["application/vnd.oasis.opendocument.presentation", "ODP"],
  ["application/vnd.ms-outlook", "MSG"],
  // Legacy Office and Outlook files share one container format; the name tells which program opens it.
  ["application/x-cfb", "DOC/XLS/PPT"],
]);

/** The list of accepted kinds, for the refusal message. */
export const allowedTypesLabel = `${[...new Set(allowedBinary.values())].join(", ")}, TXT, CSV, EML`;

/** Types a browser shows safely inside the sandboxed preview. */
const previewable = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif"]);

/** Whether a stored content type may be answered inline. */
export function isPreviewable(contentType: string): boolean {
  return previewable.has(contentType);
}

const legacyOfficeTypes: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  msg: "application/vnd.ms-outlook",
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

function refuse(): never {
  throw invalidField("file", "documents.file_type", { allowed: allowedTypesLabel });
}

// Text that a browser could run or render as a page is refused even though it is "just text".
const markupStart = /^\s*(<|#!)/;
const markupAnywhere = /<\s*(!doctype|html|script|svg|iframe|object|embed|body|head|meta)\b/i;
const scriptNames = new Set([
  "html",
  "htm",
  "xhtml",
  "shtml",
  "svg",
  "xml",
  "js",
  "mjs",
  "cjs",
  "hta",
  "bat",
  "cmd",
  "ps1",
  "sh",
  "vbs",
  "wsf",
]);

/** Decides the stored type from the first bytes (and, for text only, the name's extension). */
export async function detectContentType(head: Buffer, fileName: string): Promise<string> {
  if (head.length === 0) throw invalidField("file", "documents.file_empty");
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if (!allowedBinary.has(detected.mime)) refuse();
    if (detected.mime === "application/x-cfb") {
      return legacyOfficeTypes[extensionOf(fileName)] ?? "application/x-cfb";
    }
    return detected.mime === "image/heif" ? "image/heic" : detected.mime;
  }
  // No binary signature: accept only clean UTF-8 text that is not markup or a script.
  const text = decodeTextSample(head);
  const ext = extensionOf(fileName);
  if (text === null || markupStart.test(text) || markupAnywhere.test(text) || scriptNames.has(ext)) refuse();
  if (ext === "csv") return "text/csv; charset=utf-8";
  if (ext === "eml") return "message/rfc822";
  return "text/plain; charset=utf-8";
}

/** The sample as text, or null when it has NUL bytes or is not UTF-8 (a cut last character is fine). */
function decodeTextSample(head: Buffer): string | null {
  if (head.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true }).replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
}

/**
 * Passes an upload through while deciding its real type (SEC-15): the first bytes are held until the
 * type is known, then released; a refused type fails the stream, so nothing is kept. Text keeps being
 * checked to its end, so a binary tail behind a text-looking start is refused too.
 */
export class SniffingStream extends Transform {
  contentType: string | null = null;
  private head: Buffer[] = [];
  private headLength = 0;
  private textDecoder: TextDecoder | null = null;

  constructor(private readonly fileName: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.contentType !== null) {
      this.passOn(chunk, callback);
      return;
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < sampleBytes) {
      callback();
      return;
    }
    this.decide().then(() => this.passOn(Buffer.concat(this.head.splice(0)), callback), callback);
  }

  override _flush(callback: TransformCallback): void {
    const finish = () => {
      try {
        this.textDecoder?.decode();
        callback();
      } catch {
        callback(invalidField("file", "documents.file_type", { allowed: allowedTypesLabel }));
      }
    };
    if (this.contentType !== null) {
      finish();
      return;
    }
    this.decide().then(() => {
      this.passOn(Buffer.concat(this.head.splice(0)), (error, data) => {
        if (error) return callback(error);
        this.push(data);
        finish();
      });
    }, callback);
  }

  private async decide(): Promise<void> {
    const type = await detectContentType(Buffer.concat(this.head), this.fileName);
    if (type.startsWith("text/") || type === "message/rfc822") {
      this.textDecoder = new TextDecoder("utf-8", { fatal: true });
    }
    this.contentType = type;
  }

  private passOn(chunk: Buffer, callback: TransformCallback): void {
    if (this.textDecoder) {
      try {
        if (chunk.includes(0)) throw new Error("NUL in text");
        this.textDecoder.decode(chunk, { stream: true });
      } catch {
        callback(invalidField("file", "documents.file_type", { allowed: allowedTypesLabel }));
        return;
      }
    }
    callback(null, chunk);
  }
}

const maxNameLength = 180;

/** Control characters, zero-width and direction-override marks: they hide or reorder what a name shows. */
export function isInvisibleControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/**
 * The uploaded name made harmless for display, storage and download headers (SEC-15): no path parts,
 * no control or direction-override characters, no characters that break file systems, bounded length.
 */
export function neutraliseFileName(raw: string | undefined): string {
  let name = [...(raw ?? "").normalize("NFC")]
    .filter((c) => !isInvisibleControl(c.codePointAt(0) ?? 0))
    .join("")
    .replace(/[/\\<>:"|?*]/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s._]+/, "")
    .replace(/[\s.]+$/, "");
  if (name.length > maxNameLength) {
    const ext = extensionOf(name);
    const keep = ext && ext.length <= 10 ? `.${ext}` : "";
    name = name.slice(0, maxNameLength - keep.length).replace(/[\s.]+$/, "") + keep;
  }
  return name || "document";
}

/** `Content-Disposition` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
