import type { PDFFont, PDFPage } from "pdf-lib";
import type { Language } from "../../../contracts/common.js";
import { certificateTexts } from "./certificate-texts.js";
import type { EvidenceRow, RequestRow } from "./confirmations.queries.js";

/** What the certificate shows: the firm, the request and its evidence. */
export interface CertificateContent {
  firmName: string;
  request: Pick<RequestRow, "id" | "requestedByName" | "sentAt" | "documentTitle">;
  evidence: EvidenceRow;
  versionDate: Date | null;
  language: Language;
  /** When the certificate was made (the request's clock). */
  issuedAt: Date;
}

const timeZone = "Europe/Berlin";

function formatInstant(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(at);
}

// Letters that do not decompose into a base letter and an accent.
const letters: Readonly<Record<string, string>> = {
  Ł: "L",
  ł: "l",
  Ø: "O",
  ø: "o",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
};

/**
 * Text the standard fonts can draw: they cover WinAnsi (German and French letters); anything else
 * loses its accents or becomes "?", so an unusual name never breaks the certificate.
 */
function drawable(text: string, font: PDFFont): string {
  const known = new Set(font.getCharacterSet());
  return [...text.replace(/[\r\n\t]+/g, " ")]
    .map((ch) => {
      if (known.has(ch.codePointAt(0) ?? 0)) return ch;
      const plain = (letters[ch] ?? ch).normalize("NFD").replace(/\p{M}/gu, "");
      return [...plain].every((c) => known.has(c.codePointAt(0) ?? 0)) && plain !== "" ? plain : "?";
    })
    .join("");
}

/** Splits `text` into lines no wider than `width` at `size` (breaking long words such as hashes too). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

interface Pen {
  page: PDFPage;
  y: number;
}

/**
 * The certificate of a confirmation of receipt (PORTAL-5) as a one-page PDF in the chosen language:
 * who confirmed (name, account email, person), when, which document and version with its SHA-256,
 * from which IP address and browser, and who asked when. The hash is also in the PDF's keywords, so
 * a program can check it without reading the page.
 */
export async function renderCertificate(content: CertificateContent): Promise<Uint8Array> {
  const t = certificateTexts[content.language];
  const { evidence } = content;
  // pdf-lib is loaded on the first certificate, not at start (PERF-6).
  const { PDFDocument, StandardFonts, rgb } = await import("pdf-lib");
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t.title} – ${evidence.documentTitle}`);
  pdf.setAuthor(content.firmName);
  pdf.setSubject(t.title);
  pdf.setKeywords([`sha256:${evidence.sha256}`, `request:${content.request.id}`]);
  pdf.setCreator("Atrium");
  pdf.setCreationDate(content.issuedAt);
  pdf.setModificationDate(content.issuedAt);
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const teal = rgb(0.06, 0.3, 0.36);
  const grey = rgb(0.35, 0.35, 0.35);
  page.drawRectangle({ x: 0, y: 792, width: 595, height: 50, color: teal });
  page.drawText(drawable(content.firmName, bold), {
    x: 50,
    y: 810,
    size: 14,
    font: bold,
    color: rgb(1, 1, 1),
  });
  page.drawText(drawable(t.title, bold), { x: 50, y: 745, size: 20, font: bold, color: teal });
  const pen: Pen = { page, y: 715 };
  for (const line of wrap(drawable(t.intro, regular), regular, 11, 495)) {
    page.drawText(line, { x: 50, y: pen.y, size: 11, font: regular });
    pen.y -= 16;
  }
  pen.y -= 10;
  const field = (label: string, value: string, font: PDFFont = regular, size = 11) => {
    page.drawText(drawable(label, bold), { x: 50, y: pen.y, size: 9, font: bold, color: grey });
    pen.y -= 14;
    for (const line of wrap(drawable(value, font), font, size, 495)) {
      page.drawText(line, { x: 50, y: pen.y, size, font });
      pen.y -= size + 4;
    }
    pen.y -= 8;
  };
  const personLine = evidence.personId
    ? `${evidence.name} (${t.person} ${evidence.personId})`
    : evidence.name;
  field(t.confirmedBy, personLine);
  field(t.account, `${evidence.accountEmail} (${evidence.accountId})`);
  field(t.confirmedAt, formatInstant(evidence.confirmedAt, content.language));
  field(t.statement, t.statementText);
  field(t.document, evidence.documentTitle);
  field(
    t.version,
    content.versionDate
      ? `${evidence.version} – ${formatInstant(content.versionDate, content.language)}`
      : String(evidence.version),
  );
  field(t.fileName, evidence.fileName);
  field(t.sha256, evidence.sha256, mono, 10);
  field(t.documentId, evidence.documentId, mono, 10);
  field(t.ip, evidence.ip ?? "–", mono, 10);
  field(t.userAgent, evidence.userAgent ?? "–", mono, 9);
  field(
    t.requested,
    `${content.request.requestedByName} – ${formatInstant(content.request.sentAt, content.language)}`,
  );
  field(t.requestId, content.request.id, mono, 10);
  for (const line of wrap(drawable(t.hashNote, regular), regular, 8, 495)) {
    page.drawText(line, { x: 50, y: Math.max(pen.y, 60), size: 8, font: regular, color: grey });
    pen.y -= 11;
  }
  page.drawText(drawable(`${t.issued} ${formatInstant(content.issuedAt, content.language)}`, regular), {
    x: 50,
    y: 36,
    size: 8,
    font: regular,
    color: grey,
  });
  // Without object streams the document information (with the hash in the keywords) stays readable.
  return pdf.save({ useObjectStreams: false });
}
