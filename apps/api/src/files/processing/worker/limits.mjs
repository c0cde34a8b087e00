// Bounds shared by the extractors of the file-processing child process.
import { open } from 'node:fs/promises';

/** Longest side of a preview, in pixels. */
export const PREVIEW_SIZE = 480;
/** Images larger than this (width × height) are refused before decoding: a small file can declare a huge canvas. */
export const MAX_INPUT_PIXELS = 100_000_000;

/** A failure whose message can be shown to the uploader as it is. */
export class Unreadable extends Error {}

/**
 * `text` cut to at most `maxBytes` of UTF-8, at a character boundary: a file's text is stored and
 * indexed, so one file must not grow the database without bound.
 */
export function capText(text, maxBytes) {
  const clean = text.replaceAll('\u0000', '');
  if (clean.length <= maxBytes / 4) return clean;
  const bytes = Buffer.from(clean, 'utf8');
  if (bytes.length <= maxBytes) return clean;
  return bytes
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
}

/** At most `maxBytes` from the start of a file, read without loading the rest. */
export async function readHead(path, maxBytes) {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes);
    let filled = 0;
    while (filled < maxBytes) {
      const { bytesRead } = await file.read(buffer, filled, maxBytes - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await file.close();
  }
}
