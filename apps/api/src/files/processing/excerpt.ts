/** About how long an excerpt is, in characters. */
const EXCERPT_CHARS = 600;

/**
 * The first paragraphs of a file's text for the UI (about 600 characters): whitespace inside a
 * paragraph collapsed, paragraphs (blank lines, page breaks) kept apart by a blank line, and a
 * paragraph too long for what is left cut at a word with an ellipsis.
 */
export function excerptOf(text: string): string {
  const paragraphs = text
    .split(/\f|\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const kept: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    const room = EXCERPT_CHARS - length;
    if (paragraph.length <= room) {
      kept.push(paragraph);
      length += paragraph.length + 2;
      continue;
    }
    // A first paragraph is always shown (cut); a later one only when a useful part of it fits.
    if (kept.length === 0 || room > 120) kept.push(cutAtWord(paragraph, room));
    break;
  }
  return kept.join('\n\n');
}

function cutAtWord(paragraph: string, max: number): string {
  const cut = paragraph.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Text without spaces (Chinese, Japanese) is cut at the character.
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
