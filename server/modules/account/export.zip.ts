import { Readable } from "node:stream";
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";

/** One entry of the export: JSON or text written as it is, or a stored file streamed in. */
export type ExportEntry =
  | { path: string; text: string }
  | { path: string; open: () => Promise<AsyncIterable<Uint8Array> | null> };

/** A path segment safe in every unzip tool: no separators, controls or reserved characters, not too long. */
export function safeSegment(name: string, fallback = "_"): string {
  // Control characters and the separators and reserved characters of Windows, macOS and Linux.
  const visible = [...name.normalize("NFC")]
    .map((c) => ((c.codePointAt(0) ?? 0) < 0x20 || c === "\u007f" ? "_" : c))
    .join("");
  const cleaned = visible
    .replace(/[/\\:*?"<>|]+/g, "_")
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .slice(0, 80)
    .trim();
  return cleaned || fallback;
}

/** Names unique within one folder: a second "Policy.pdf" becomes "Policy (2).pdf". */
export class UniqueNames {
  private readonly used = new Set<string>();

  /** `name`, or with a counter before its extension when already used. */
  take(name: string): string {
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

/**
 * The entries as a ZIP, streamed: JSON and text deflated, stored files passed through as they are
 * (PDFs and images are compressed already) and read chunk by chunk, so a large export never sits in
 * memory whole. A stored file that cannot be opened (gone from storage) is left out.
 */
export function zipStream(entries: readonly ExportEntry[]): Readable {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const ready: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, data) => {
      if (error) failure = error;
      else ready.push(data);
    });
    const drain = function* () {
      if (failure) throw failure;
      while (ready.length > 0) yield ready.shift() as Uint8Array;
    };
    for (const entry of entries) {
      if ("text" in entry) {
        const file = new ZipDeflate(entry.path, { level: 6 });
        zip.add(file);
        file.push(strToU8(entry.text), true);
        yield* drain();
        continue;
      }
      const source = await entry.open();
      if (!source) continue;
      const file = new ZipPassThrough(entry.path);
      zip.add(file);
      for await (const chunk of source) {
        file.push(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk));
        yield* drain();
      }
      file.push(new Uint8Array(0), true);
      yield* drain();
    }
    zip.end();
    yield* drain();
  }
  return Readable.from(chunks(), { objectMode: false });
}
