/**
 * Reads what tests need from a PDF without a PDF library: the literal strings stored under a key
 * (e.g. /Title in the Info dictionary and in bookmarks), which pdfkit never compresses; a value
 * stored as its own object (`/Title 12 0 R`) is followed.
 */
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '(': '(',
  ')': ')',
  '\\': '\\',
};

function decodeLiteral(pdf: string, start: number): string {
  let bytes = '';
  let depth = 0;
  for (let i = start; i < pdf.length; i++) {
    const c = pdf[i];
    if (c === '\\') {
      const next = pdf[++i];
      bytes += ESCAPES[next] ?? next;
    } else if (c === '(') {
      depth++;
      bytes += c;
    } else if (c === ')') {
      if (depth === 0) break;
      depth--;
      bytes += c;
    } else bytes += c;
  }
  // Text strings with a byte order mark are UTF-16BE.
  if (bytes.startsWith('\u00fe\u00ff'))
    return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
  return bytes;
}

/** Every literal string stored as `/<key> (…)` or as `/<key> n 0 R` pointing to one, decoded. */
export function pdfStrings(pdf: Buffer, key: string): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(`/${key} (?:\\(|(\\d+) 0 R)`, 'g'))) {
    if (m[1] === undefined) out.push(decodeLiteral(text, m.index + m[0].length));
    else {
      const object = text.indexOf(`\n${m[1]} 0 obj\n(`);
      if (object >= 0) out.push(decodeLiteral(text, text.indexOf('(', object) + 1));
    }
  }
  return out;
}
