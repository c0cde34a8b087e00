/**
 * The plan as PDF (pdfkit): title, a heading (and bookmark) per section, the action table with one
 * block of label/value rows per action, and the document language in the catalog (/Lang).
 */
import PDFDocument from 'pdfkit';
import { ACTION_TABLE_SECTION, paragraphs, type PlanExportModel } from './export-model.js';
import { pdfFontLibrary, type FontWeight, type PdfFontLibrary } from './pdf-fonts.js';

const MARGIN = 56;
const LABEL_WIDTH = 96;
const GREY = '#555555';
const BLACK = '#111111';

export interface TextStyle {
  weight: FontWeight;
  size: number;
  color?: string;
  /** Where the text starts; else where the last one ended. */
  at?: { x: number; y: number };
  width?: number;
  gapAfter?: number;
}

/**
 * Draws text in runs of the faces that have its glyphs, registering each face once. Also used by
 * the demo to write its sample PDFs in every language.
 */
export class PdfWriter {
  private readonly registered = new Set<string>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: PdfFontLibrary,
  ) {}

  get contentWidth(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** A new page unless `room` points are left on this one. */
  keepRoom(room: number): void {
    if (this.doc.y + room > this.bottom) this.doc.addPage();
  }

  /** Each line of `text` as its own block: pdfkit misplaces a line break inside continued runs. */
  async text(text: string, style: TextStyle): Promise<void> {
    if (!text) return;
    const x = style.at?.x ?? MARGIN;
    let y = style.at?.y ?? this.doc.y;
    for (const line of text.split('\n')) {
      await this.line(line || ' ', { ...style, at: { x, y } });
      y = this.doc.y;
    }
  }

  private async line(
    text: string,
    style: TextStyle & { at: { x: number; y: number } },
  ): Promise<void> {
    const { runs, faces } = await this.fonts.runs(text, style.weight);
    for (const face of faces) {
      if (this.registered.has(face.name)) continue;
      this.doc.registerFont(face.name, face.bytes);
      this.registered.add(face.name);
    }
    const doc = this.doc.fontSize(style.size).fillColor(style.color ?? BLACK);
    const options = { width: style.width ?? this.contentWidth, paragraphGap: style.gapAfter ?? 0 };
    runs.forEach((run, i) => {
      doc.font(run.font);
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(run.text, style.at.x, style.at.y, { ...options, continued });
      else doc.text(run.text, { ...options, continued });
    });
  }
}

async function actionTable(w: PdfWriter, model: PlanExportModel): Promise<void> {
  const { doc } = w;
  if (!model.actionRows.length) {
    await w.text(model.words.noActions, { weight: 'regular', size: 10, color: GREY, gapAfter: 6 });
    return;
  }
  const [titleColumn, ...columns] = model.words.columns;
  for (const [title, ...values] of model.actionRows) {
    w.keepRoom(90);
    await w.text(`${titleColumn}: ${title}`, { weight: 'bold', size: 11, gapAfter: 3 });
    for (const [i, label] of columns.entries()) {
      w.keepRoom(16);
      const top = doc.y;
      const page = doc.page;
      await w.text(label, {
        weight: 'regular',
        size: 9,
        color: GREY,
        at: { x: MARGIN, y: top },
        width: LABEL_WIDTH - 8,
      });
      const labelBottom = doc.y;
      await w.text(values[i] || '—', {
        weight: 'regular',
        size: 10,
        at: { x: MARGIN + LABEL_WIDTH, y: top },
        width: w.contentWidth - LABEL_WIDTH,
      });
      // A value that ran onto the next page ends where it ended; else below the taller cell.
      if (doc.page === page) doc.y = Math.max(labelBottom, doc.y);
      doc.y += 3;
    }
    doc.x = MARGIN;
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + w.contentWidth, doc.y)
      .lineWidth(0.5)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.y += 8;
  }
}

export async function renderPdf(
  model: PlanExportModel,
  fonts: PdfFontLibrary = pdfFontLibrary(),
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: model.language,
    displayTitle: true,
    info: {
      Title: model.title,
      Subject: model.authorityName,
      Creator: 'IUC Knowledge Platform',
      CreationDate: model.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new PdfWriter(doc, fonts);
  await w.text(model.title, { weight: 'bold', size: 20, gapAfter: 4 });
  await w.text(
    `${model.authorityName} · ${model.words.status} · ${model.generatedAt.toISOString().slice(0, 10)}`,
    {
      weight: 'regular',
      size: 10,
      color: GREY,
      gapAfter: 14,
    },
  );
  for (const section of model.sections) {
    w.keepRoom(60);
    // Bookmarks: readers navigate by them (and their titles are stored as plain text).
    doc.outline.addItem(section.heading);
    await w.text(section.heading, { weight: 'bold', size: 14, gapAfter: 6 });
    const text = paragraphs(section.text);
    for (const p of text) await w.text(p, { weight: 'regular', size: 11, gapAfter: 6 });
    if (!text.length && section.key !== ACTION_TABLE_SECTION) {
      await w.text(model.words.notWritten, {
        weight: 'regular',
        size: 10,
        color: GREY,
        gapAfter: 6,
      });
    }
    if (section.key === ACTION_TABLE_SECTION) await actionTable(w, model);
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
