import { PDFDocument, rgb, StandardFonts } from "pdf-lib";

/** What a demo document shows. */
export interface DemoPdfContent {
  firmName: string;
  title: string;
  clientName: string;
  date: string;
  lines: string[];
}

/**
 * A small one-page PDF standing in for a real policy or letter. The standard fonts only cover
 * WinAnsi, which includes the German and French letters the demo uses.
 */
export async function renderDemoPdf(content: DemoPdfContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(content.title);
  pdf.setAuthor(content.firmName);
  pdf.setCreator("Atrium demo");
  // A fixed date keeps the file identical from one demo run to the next.
  const fixed = new Date(`${content.date}T12:00:00Z`);
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const teal = rgb(0.06, 0.3, 0.36);
  page.drawRectangle({ x: 0, y: 792, width: 595, height: 50, color: teal });
  page.drawText(content.firmName, { x: 50, y: 810, size: 14, font: bold, color: rgb(1, 1, 1) });
  page.drawText(content.title, { x: 50, y: 730, size: 18, font: bold, color: teal });
  page.drawText(content.clientName, { x: 50, y: 700, size: 12, font: regular });
  page.drawText(content.date.split("-").reverse().join("."), { x: 470, y: 700, size: 12, font: regular });
  let y = 650;
  for (const line of content.lines) {
    page.drawText(line, { x: 50, y, size: 11, font: regular, maxWidth: 495 });
    y -= 20;
  }
  page.drawText("Demo document — generated sample data", {
    x: 50,
    y: 40,
    size: 8,
    font: regular,
    color: rgb(0.5, 0.5, 0.5),
  });
  return pdf.save();
}
