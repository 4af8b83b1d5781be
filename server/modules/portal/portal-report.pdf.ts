import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

// A small layout engine for the file's PDF overview: A4 pages, headings, paragraphs and tables whose
// cells wrap, a footer on every page. The standard fonts encode WinAnsi only, so every text passes
// through `winAnsi` first (a name in another script must not break the whole report).

const A4 = { width: 595, height: 842 } as const;
const MARGIN = 48;
const BOTTOM = 64;
const ink = rgb(0.12, 0.14, 0.18);
const muted = rgb(0.38, 0.42, 0.48);
const rule = rgb(0.82, 0.85, 0.88);

// The characters WinAnsi has beyond Latin-1 (0x80–0x9F in the encoding).
const winAnsiExtras = new Set([..."€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"]);

/** `text` in characters the standard fonts can draw: accents kept where WinAnsi has them, else dropped. */
export function winAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC").replace(/[\u202f\u2009\u2007]/g, "\u00a0")) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char)) {
      out += char;
      continue;
    }
    if (char === "\n" || char === "\t") {
      out += " ";
      continue;
    }
    const base = char.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += [...base].every((c) => (c.codePointAt(0) ?? 0) <= 0x7e) && base !== "" ? base : "?";
  }
  return out;
}

/** A table column: its header, its share of the text width, and its alignment. */
export interface ReportColumn {
  label: string;
  width: number;
  align?: "left" | "right";
}

/** The report's brand: the firm's name and colour for the header band. */
export interface ReportBrand {
  firmName: string;
  /** "#rrggbb"; a malformed one falls back to Atrium's teal. */
  color: string | null;
}

function colorOf(hex: string | null) {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!match) return rgb(0.06, 0.3, 0.36);
  return rgb(
    Number.parseInt(match[1] ?? "0", 16) / 255,
    Number.parseInt(match[2] ?? "0", 16) / 255,
    Number.parseInt(match[3] ?? "0", 16) / 255,
  );
}

/** Splits `text` into lines no wider than `width`, breaking long words where they must. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  for (const word of winAnsi(text).split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (!fits(rest) && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Writes a report top to bottom, starting new pages as it fills them. */
export class ReportWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly textWidth = A4.width - 2 * MARGIN;

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly brand: ReportBrand,
  ) {}

  /** A new report with its first page and the firm's header band. */
  static async start(brand: ReportBrand, title: string, at: Date): Promise<ReportWriter> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(winAnsi(title));
    pdf.setAuthor(winAnsi(brand.firmName));
    pdf.setCreator("Atrium");
    pdf.setCreationDate(at);
    pdf.setModificationDate(at);
    const writer = new ReportWriter(
      pdf,
      await pdf.embedFont(StandardFonts.Helvetica),
      await pdf.embedFont(StandardFonts.HelveticaBold),
      brand,
    );
    writer.newPage();
    return writer;
  }

  private newPage() {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.page.drawRectangle({
      x: 0,
      y: A4.height - 40,
      width: A4.width,
      height: 40,
      color: colorOf(this.brand.color),
    });
    this.page.drawText(winAnsi(this.brand.firmName), {
      x: MARGIN,
      y: A4.height - 26,
      size: 12,
      font: this.bold,
      color: rgb(1, 1, 1),
    });
    this.y = A4.height - 72;
  }

  private ensure(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /** A heading: large for the title, smaller for a section. */
  heading(text: string, level: 1 | 2 = 2) {
    const size = level === 1 ? 20 : 14;
    this.ensure(size + 28);
    if (level === 2) this.y -= 10;
    this.page.drawText(winAnsi(text), { x: MARGIN, y: this.y - size, size, font: this.bold, color: ink });
    this.y -= size + 10;
  }

  /** A paragraph, wrapped to the page. */
  paragraph(text: string, options: { size?: number; muted?: boolean } = {}) {
    const size = options.size ?? 10.5;
    for (const line of wrap(text, this.regular, size, this.textWidth)) {
      this.ensure(size + 4);
      this.page.drawText(line, {
        x: MARGIN,
        y: this.y - size,
        size,
        font: this.regular,
        color: options.muted ? muted : ink,
      });
      this.y -= size + 4;
    }
    this.y -= 4;
  }

  /** A table: a bold header row repeated on each new page, cells wrapped within their column. */
  table(columns: readonly ReportColumn[], rows: ReadonlyArray<readonly string[]>, emptyText: string) {
    if (rows.length === 0) {
      this.paragraph(emptyText, { muted: true });
      return;
    }
    const size = 9.5;
    const lineHeight = size + 3;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.textWidth);
    const drawRow = (cells: readonly string[], font: PDFFont) => {
      const wrapped = cells.map((cell, i) => wrap(cell, font, size, (widths[i] ?? 0) - 6));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 6;
      return { wrapped, height };
    };
    const header = drawRow(
      columns.map((c) => c.label),
      this.bold,
    );
    const paint = (row: { wrapped: string[][]; height: number }, font: PDFFont) => {
      let x = MARGIN;
      row.wrapped.forEach((lines, i) => {
        const width = widths[i] ?? 0;
        lines.forEach((line, n) => {
          const textWidth = font.widthOfTextAtSize(line, size);
          const left = columns[i]?.align === "right" ? x + width - 6 - textWidth : x;
          this.page.drawText(line, {
            x: left,
            y: this.y - size - 2 - n * lineHeight,
            size,
            font,
            color: ink,
          });
        });
        x += width;
      });
      this.y -= row.height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + 2 },
        end: { x: MARGIN + this.textWidth, y: this.y + 2 },
        thickness: 0.5,
        color: rule,
      });
    };
    this.ensure(header.height * 2);
    paint(header, this.bold);
    for (const cells of rows) {
      const row = drawRow(cells, this.regular);
      if (this.y - row.height < BOTTOM) {
        this.newPage();
        paint(header, this.bold);
      }
      paint(row, this.regular);
    }
    this.y -= 6;
  }

  /** Draws `footer(page, pages)` on every page and answers the PDF's bytes. */
  async finish(footer: (page: number, pages: number) => string): Promise<Uint8Array> {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      page.drawText(winAnsi(footer(i + 1, pages.length)), {
        x: MARGIN,
        y: 30,
        size: 8,
        font: this.regular,
        color: muted,
      });
    });
    return this.pdf.save();
  }
}
