/**
 * What `ts_headline` and the CJK snippet wrap matches in: private-use characters no stored text
 * contains (the index strips them), turned into `<mark>` only after the text is HTML-escaped.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the text for HTML, then turns the marks into `<mark>` tags: the snippet's only tags. */
export function markedHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .replaceAll(HIGHLIGHT_START, '<mark>')
    .replaceAll(HIGHLIGHT_END, '</mark>');
}
