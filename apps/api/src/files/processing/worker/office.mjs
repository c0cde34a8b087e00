// Office documents: text with officeparser (OOXML and OpenDocument); a preview, and the text of
// legacy binary formats, through LibreOffice's PDF export when `soffice` is installed.
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import officeParser from 'officeparser';
import { onPath, run } from './commands.mjs';
import { Unreadable, capText } from './limits.mjs';
import { LEGACY, PARSED } from './office-types.mjs';
import { openPdf, pdfPreview, pdfText } from './pdf.mjs';

export async function processOffice(file, type, { maxBytes, sofficeTimeoutMs }) {
  const ext = PARSED[type] ?? LEGACY[type];
  const text = type in PARSED ? await parsedText(file, ext, maxBytes) : null;
  const soffice = onPath('soffice');
  if (!soffice) {
    if (text === null)
      throw new Unreadable(
        `A .${ext} file is read through LibreOffice, which is not installed on this server.`,
      );
    return { text, pages: null, preview: null };
  }
  const converted = await asPdf(soffice, file, ext, sofficeTimeoutMs).catch((err) => {
    if (text === null) throw new Unreadable(`LibreOffice could not read this .${ext} file.`);
    process.stderr.write(`preview skipped: ${err.message}\n`);
    return null;
  });
  if (!converted) return { text, pages: null, preview: null };
  const doc = await openPdf(converted);
  try {
    return {
      text: text ?? (await pdfText(doc, maxBytes)),
      pages: doc.numPages,
      preview: await pdfPreview(doc).catch(() => null),
    };
  } finally {
    await doc.destroy();
  }
}

async function parsedText(file, ext, maxBytes) {
  let text;
  try {
    text = await officeParser.parseOfficeAsync(await readFile(file), { newlineDelimiter: '\n' });
  } catch {
    throw new Unreadable(
      `The file is not a readable .${ext} document: it is damaged or of another kind.`,
    );
  }
  return capText(text.trim(), maxBytes);
}

/** The document as PDF bytes, converted by LibreOffice in a throwaway folder and profile. */
async function asPdf(soffice, file, ext, timeoutMs) {
  const dir = await mkdtemp(path.join(tmpdir(), 'iuc-soffice-'));
  try {
    // LibreOffice picks its import filter by the name's extension; uploads are stored without one.
    const input = path.join(dir, `document.${ext}`);
    await symlink(path.resolve(file), input);
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        path.join(dir, 'out'),
        input,
      ],
      timeoutMs,
    );
    return await readFile(path.join(dir, 'out', 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
