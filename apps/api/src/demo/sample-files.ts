/**
 * Real files made on the spot, for the demo library and the tests: PDFs with text in any of the
 * programme's languages (beyond Latin-1 through the plan export's fonts, so Chinese and Japanese
 * are real text a PDF reader extracts), Word documents and images. Nothing is downloaded and
 * nothing binary is shipped.
 */
import PDFDocument from 'pdfkit';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { pdfFontLibrary } from '../plans/export/pdf-fonts.js';

/** Whether pdfkit's built-in Helvetica (Latin-1) can draw all of `text`. */
const latin1 = (text: string) => [...text].every((c) => c.charCodeAt(0) <= 0xff);

/** A PDF with one page per entry of `pages`; `heading` (bold, larger) opens the first page. */
export async function samplePdf(
  pages: string[],
  options: { title?: string; heading?: string; language?: string } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    autoFirstPage: false,
    lang: options.language,
    info: { Title: options.title ?? options.heading ?? 'Document' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = pdfFontLibrary();
  const registered = new Set<string>();
  const write = async (text: string, size: number) => {
    doc.fontSize(size);
    if (latin1(text)) {
      doc.font('Helvetica').text(text, { paragraphGap: 10 });
      return;
    }
    const { runs, faces } = await fonts.runs(text, 'regular');
    for (const face of faces.filter((f) => !registered.has(f.name))) {
      doc.registerFont(face.name, face.bytes);
      registered.add(face.name);
    }
    runs.forEach((run, i) =>
      doc.font(run.font).text(run.text, { continued: i < runs.length - 1, paragraphGap: 10 }),
    );
  };
  for (const [i, text] of pages.entries()) {
    doc.addPage();
    if (i === 0 && options.heading) await write(options.heading, 20);
    await write(text, 12);
  }
  doc.end();
  return done;
}

/** A Word document with one paragraph per entry; with `title`, a title paragraph first. */
export function sampleDocx(
  paragraphs: string[],
  options: { title?: string } = {},
): Promise<Buffer> {
  const title = options.title
    ? [new Paragraph({ text: options.title, heading: HeadingLevel.TITLE })]
    : [];
  const doc = new Document({
    sections: [{ children: [...title, ...paragraphs.map((text) => new Paragraph({ text }))] }],
  });
  return Packer.toBuffer(doc);
}

/** Text safe inside XML content and attribute values (SVG here, ODT in the test fixtures). */
export const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => `&#${c.codePointAt(0)};`);

/** A PNG of one colour; with `label`, a skyline and the label (Latin letters) drawn on it. */
export function samplePng(
  options: { width?: number; height?: number; colour?: string; label?: string } = {},
): Promise<Buffer> {
  const { width = 640, height = 480, colour = '#3366cc', label } = options;
  if (!label)
    return sharp({ create: { width, height, channels: 3, background: colour } })
      .png()
      .toBuffer();
  const step = width / 11;
  const towers = [0.1, 0.28, 0.19, 0.38, 0.24, 0.33, 0.15, 0.43, 0.26, 0.21]
    .map(
      (h, i) =>
        `<rect x="${step * (i + 0.5)}" y="${height * (0.88 - h)}" width="${step * 0.7}" height="${height * h}" fill="#ffffff" opacity="0.55"/>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width}" height="${height}" fill="${escapeXml(colour)}"/>${towers}
    <text x="${width * 0.05}" y="${height * 0.18}" font-family="sans-serif" font-size="${height * 0.12}" fill="#ffffff">${escapeXml(label)}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
