// PDF text (page by page, pages separated by form feeds) and a picture of page 1, with pdf.js.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MAX_INPUT_PIXELS, PREVIEW_SIZE, Unreadable, capText } from './limits.mjs';

const require = createRequire(import.meta.url);
const PDFJS = path.dirname(require.resolve('pdfjs-dist/package.json'));
/** pdf.js reads these folders itself; the trailing slash is required. */
const ASSETS = {
  cMapUrl: `${PDFJS}/cmaps/`,
  cMapPacked: true,
  standardFontDataUrl: `${PDFJS}/standard_fonts/`,
  wasmUrl: `${PDFJS}/wasm/`,
  iccUrl: `${PDFJS}/iccs/`,
};

/** Opens a PDF from bytes, or says in words why it cannot be read. */
export async function openPdf(bytes) {
  try {
    return await getDocument({
      data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      ...ASSETS,
      isEvalSupported: false,
      // Never run the document's scripts or fetch anything it names.
      enableXfa: false,
      verbosity: 0,
      // Images above this many pixels are left out of the preview: their decoded bytes live outside the heap limit.
      maxImageSize: 25_000_000,
    }).promise;
  } catch (err) {
    if (err?.name === 'PasswordException')
      throw new Unreadable('The PDF is protected by a password, so its text cannot be read.');
    throw new Unreadable('The file is not a readable PDF: it is damaged or not a PDF at all.');
  }
}

/** Text of every page, joined by form feeds (\f), stopping once `maxBytes` is reached. */
export async function pdfText(doc, maxBytes) {
  const pages = [];
  let length = 0;
  for (let n = 1; n <= doc.numPages && length < maxBytes; n++) {
    const text = await pageText(doc, n);
    pages.push(text);
    length += text.length + 1;
  }
  return capText(pages.join('\f'), maxBytes);
}

/** One page's text; empty for a page pdf.js cannot read (the others still count). */
async function pageText(doc, n) {
  try {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    page.cleanup();
    return content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join('')
      .trim();
  } catch {
    return '';
  }
}

/** Page 1 drawn at twice the preview size, then scaled down to a WebP of at most PREVIEW_SIZE. */
export async function pdfPreview(doc) {
  const page = await doc.getPage(1);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({
    scale: (2 * PREVIEW_SIZE) / Math.max(base.width, base.height),
  });
  const { canvas, context } = doc.canvasFactory.create(
    Math.ceil(viewport.width),
    Math.ceil(viewport.height),
  );
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  const png = await canvas.encode('png');
  page.cleanup();
  return sharp(png, { limitInputPixels: MAX_INPUT_PIXELS })
    .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside' })
    .webp()
    .toBuffer();
}

/** A PDF file's text, page count and preview. */
export async function processPdf(file, maxBytes) {
  const doc = await openPdf(await readFile(file));
  try {
    const text = await pdfText(doc, maxBytes);
    const preview = await pdfPreview(doc).catch(() => null);
    return { text, pages: doc.numPages, preview };
  } finally {
    await doc.destroy();
  }
}
