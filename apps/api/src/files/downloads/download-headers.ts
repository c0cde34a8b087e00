/**
 * How a stored file is served: inline only for types a browser shows without running anything,
 * an attachment for everything else; names in RFC 6266 form; one byte range (RFC 9110).
 */

/** Every file response: no type guessing, and a page that could run nothing if it were opened. */
export const FILE_RESPONSE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
} as const;

/** Shown in the browser: images (not SVG, which can hold scripts), PDF, audio, video, plain text. */
export function servedInline(type: string): boolean {
  if (type.startsWith('image/')) return type !== 'image/svg+xml';
  return (
    type === 'application/pdf' ||
    type === 'text/plain' ||
    type.startsWith('audio/') ||
    type.startsWith('video/')
  );
}

/** The Content-Type to send: text in UTF-8 (every text file was checked to be). */
export function contentTypeOf(type: string): string {
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}

/** `inline|attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266, RFC 8187). */
export function contentDisposition(name: string, inline: boolean): string {
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_')
      .trim() || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type RangeAnswer =
  { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * A `Range` header against a size. One range is served; several (rare, and a way to make a
 * server work hard) get the whole file, as RFC 9110 allows; so does anything unparseable.
 */
export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (!header) return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (match[2] !== '' && Number(match[2]) < start) return { kind: 'whole' };
  }
  if (start >= size || size === 0) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

/** Whether `If-None-Match` names this strong ETag (or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}
