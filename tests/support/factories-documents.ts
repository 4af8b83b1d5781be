import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { AppDeps } from "../../server/deps.js";
import { clientFiles, clientFileTeam } from "../../server/modules/clients/clients.tables.js";
import { documentCategories } from "../../server/modules/documents/documents.tables.js";
import { claims, contracts } from "../../server/modules/records/records.tables.js";
import { inScope } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A client file row of `firmId` owned by `caseOwnerId`, with an optional team. */
export async function createClientFileRow(
  deps: AppDeps,
  firmId: string,
  input: { caseOwnerId: string; teamUserIds?: string[]; displayName?: string },
) {
  const id = newId();
  await inScope(deps.database, { firmId }, async (tx) => {
    await tx.db.insert(clientFiles).values({
      firmId,
      id,
      kind: "private",
      displayName: input.displayName ?? `Muster, Klara ${unique()}`,
      number: `K-${unique()}`,
      caseOwnerId: input.caseOwnerId,
    });
    for (const userId of input.teamUserIds ?? []) {
      await tx.db.insert(clientFileTeam).values({ firmId, clientFileId: id, userId });
    }
  });
  return { id };
}

/** A contract row on a client file. */
export async function createContractRow(deps: AppDeps, firmId: string, clientFileId: string) {
  const id = newId();
  await inScope(deps.database, { firmId }, (tx) =>
    tx.db.insert(contracts).values({ firmId, id, clientFileId, insurer: "Allianz", status: "own" }),
  );
  return { id };
}

/** A claim row on a client file. */
export async function createClaimRow(deps: AppDeps, firmId: string, clientFileId: string) {
  const id = newId();
  await inScope(deps.database, { firmId }, (tx) =>
    tx.db.insert(claims).values({
      firmId,
      id,
      clientFileId,
      claimDate: "2026-01-10",
      description: "Wasserschaden",
      status: "open",
    }),
  );
  return { id };
}

/** The firm's document categories (seeded with every firm), by key. */
export async function categoriesOf(deps: AppDeps, firmId: string) {
  const rows = await inScope(deps.database, { firmId }, (tx) =>
    tx.db.select().from(documentCategories).where(eq(documentCategories.firmId, firmId)),
  );
  return new Map(rows.map((r) => [r.key, r]));
}

/** Marks a category inactive (as the settings would). */
export async function deactivateCategory(deps: AppDeps, firmId: string, categoryId: string) {
  await inScope(deps.database, { firmId }, (tx) =>
    tx.db.update(documentCategories).set({ active: false }).where(eq(documentCategories.id, categoryId)),
  );
}

/** A real small PDF with one line of text. */
export async function makePdf(text = "Versicherungsschein"): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

/** A real 1×1 PNG. */
export const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** One part of a multipart body. */
export type FormPart =
  | { name: string; value: string }
  | { name: string; fileName: string; content: Buffer; contentType?: string };

/** Builds a multipart/form-data body (as a browser sends it) for app.inject. */
export function multipartBody(parts: FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----atrium${unique()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("value" in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      // filename* carries any character (CR, LF, slashes) exactly as a hostile client could send it.
      const name = encodeURIComponent(part.fileName);
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename*=UTF-8''${name}\r\n` +
            `Content-Type: ${part.contentType ?? "application/octet-stream"}\r\n\r\n`,
        ),
        part.content,
        Buffer.from("\r\n"),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A minimal uncompressed zip archive (enough for type detection of office formats). */
export function makeZip(entries: Array<[name: string, text: string]>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(zlib.crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    parts.push(header, Buffer.from(name), data);
  }
  return Buffer.concat(parts);
}

/** A DOCX as far as content sniffing looks at it. */
export function makeDocx(): Buffer {
  return makeZip([
    [
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ["word/document.xml", "<w:document/>"],
  ]);
}
