/** Longest name kept, in characters (the extension is kept when cutting). */
export const FILE_NAME_MAX = 180;

/**
 * A name a person gave their file, made harmless to store and to serve: no folders (only the last
 * part of a path), no control, format or bidi-override characters (which can make `evil‮fdp.exe`
 * read as `evilexe.pdf`), none of the characters Windows refuses, no leading dots, bounded length.
 * Letters of every script stay: `報告書.pdf` is kept as it is.
 */
export function sanitizeFileName(raw: string): string {
  const lastPart = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = lastPart
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const name = cleaned === '' ? 'file' : cleaned;
  return bound(name);
}

/** The lower-case extension without its dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function bound(name: string): string {
  const chars = [...name];
  if (chars.length <= FILE_NAME_MAX) return name;
  const ext = extensionOf(name);
  const tail = ext && ext.length <= 10 ? `.${[...name].slice(-ext.length).join('')}` : '';
  return chars.slice(0, FILE_NAME_MAX - [...tail].length).join('') + tail;
}
