import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { extensionOf } from './file-name.js';

/** Types accepted as file-type reports them from the bytes. */
const BINARY_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/heif',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/ogg',
  'audio/wav',
  'audio/flac',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'video/ogg',
]);

/** Legacy Office files are all one container format (CFB); the name tells which. */
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** Text is told apart by its name only: these extensions (or none), as these types. */
const TEXT_TYPES: Record<string, string> = {
  '': 'text/plain',
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

const SVG = 'image/svg+xml';
const TEXT_SAMPLE_BYTES = 64 * 1024;
/** Markup a browser would run as a page (the start of an HTML document). */
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|script|iframe)[\s>]/i;

export type Sniffed = { ok: true; type: string } | { ok: false; reason: string };

/**
 * The type of a file judged by its bytes, never by its name or the client's claim, against the
 * allow-list. file-type knows binary formats; text (which it cannot name) must be valid UTF-8
 * without NULs, and its extension says which text. SVG is accepted (maps), and served only as an
 * attachment; HTML is refused whatever its name.
 */
export async function sniffType(localPath: string, fileName: string): Promise<Sniffed> {
  const ext = extensionOf(fileName);
  const detected = await fileTypeFromFile(localPath);
  if (detected) {
    if (BINARY_TYPES.has(detected.mime)) return { ok: true, type: detected.mime };
    if (detected.mime === 'application/x-cfb' && LEGACY_OFFICE[ext])
      return { ok: true, type: LEGACY_OFFICE[ext] };
    if (detected.mime === 'application/xml') return svgOrRefused(await textSample(localPath), ext);
    return refused(`files of type ${detected.mime} are not accepted`);
  }
  const text = await textSample(localPath);
  if (text === '') return refused('the file is empty');
  if (text === null) return refused('the file is not of an accepted type');
  if (HTML_START.test(text)) return refused('the file is an HTML page');
  if (ext === 'svg') return svgOrRefused(text, ext);
  const type = TEXT_TYPES[ext];
  if (!type) return refused(`the file is text, but named ".${ext}": name it .txt, .csv or .md`);
  return { ok: true, type };
}

function svgOrRefused(text: string | null, ext: string): Sniffed {
  if (ext === 'svg' && text !== null && /<svg[\s>]/i.test(text)) return { ok: true, type: SVG };
  return refused('XML and HTML files are not accepted (SVG images are, named .svg)');
}

function refused(reason: string): Sniffed {
  return { ok: false, reason };
}

/** The file's first bytes as text, or null when they are not UTF-8 text (or hold NULs). */
async function textSample(localPath: string): Promise<string | null> {
  const handle = await open(localPath, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, TEXT_SAMPLE_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.includes(0)) return null;
    // `stream: true`: a character cut by the sample's end is not an error.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch (err) {
    if (err instanceof TypeError) return null;
    throw err;
  } finally {
    await handle.close();
  }
}
