/**
 * Real files for the demo library, made at seed time: PDFs with text in any of the programme's
 * languages (the plan export's fonts, so Chinese and Japanese are real text a PDF reader can
 * extract), Word documents and labelled images. Nothing is downloaded; nothing is shipped binary.
 */
import PDFDocument from 'pdfkit';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { PdfWriter } from '../plans/export/pdf.js';
import { pdfFontLibrary } from '../plans/export/pdf-fonts.js';

/** A PDF whose first page starts with `title`; one page per entry of `pages`. */
export async function samplePdf(title: string, pages: string[], language: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, lang: language, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new PdfWriter(doc, pdfFontLibrary());
  await w.text(title, { weight: 'bold', size: 20, gapAfter: 12 });
  for (const [i, text] of pages.entries()) {
    if (i > 0) doc.addPage();
    await w.text(text, { weight: 'regular', size: 12, gapAfter: 8 });
  }
  doc.end();
  return done;
}

/** A Word document: the first paragraph as its title, the rest as body text. */
export function sampleDocx(paragraphs: string[]): Promise<Buffer> {
  const [title, ...body] = paragraphs;
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title ?? '', heading: HeadingLevel.TITLE }),
          ...body.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.codePointAt(0)};`);

/** A 1200×800 PNG: a coloured field with a skyline and a label (Latin letters). */
export function samplePng(label: string, colour: string): Promise<Buffer> {
  const towers = [80, 220, 150, 300, 190, 260, 120, 340, 210, 170]
    .map(
      (h, i) =>
        `<rect x="${60 + i * 110}" y="${700 - h}" width="80" height="${h}" fill="#ffffff" opacity="0.55"/>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <rect width="1200" height="800" fill="${escapeXml(colour)}"/>${towers}
    <text x="60" y="140" font-family="sans-serif" font-size="96" fill="#ffffff">${escapeXml(label)}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
