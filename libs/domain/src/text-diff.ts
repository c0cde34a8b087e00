/**
 * A small, pure text diff: lines first (longest common subsequence), then words inside each block
 * of changed lines, so that a long section with one edited sentence costs a small table and shows
 * the edit word by word. CJK characters count as words of their own (those scripts use no spaces).
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

/** One run of the diff. `delete`: only in the old text; `insert`: only in the new text. */
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** Above this many cells (old tokens × new tokens) a block is shown as replaced whole. */
const MAX_TABLE_CELLS = 4_000_000;

const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}_]+|\s+|[^\p{L}\p{M}\p{N}_\s]/gu;

/** Words, runs of whitespace and single punctuation marks; joined they give the text back. */
export function tokenizeWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Lines with their line break, so that joined they give the text back. */
export function splitLines(text: string): string[] {
  return text ? text.split(/(?<=\n)/) : [];
}

/** The diff of two texts: concatenating equal+delete gives `before`, equal+insert gives `after`. */
export function diffText(before: string, after: string): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length || added.length) {
      for (const s of diffTokens(tokenizeWords(removed.join('')), tokenizeWords(added.join(''))))
        push(out, s);
    }
    removed = [];
    added = [];
  };
  for (const s of diffTokens(splitLines(before), splitLines(after))) {
    if (s.op === 'equal') {
      flush();
      push(out, s);
    } else if (s.op === 'delete') removed.push(s.text);
    else added.push(s.text);
  }
  flush();
  return out;
}

/** The diff of two token lists (lines or words), as merged segments. */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  for (let i = 0; i < start; i++) push(out, { op: 'equal', text: a[i] });
  for (const s of lcsDiff(a.slice(start, endA), b.slice(start, endB))) push(out, s);
  for (let i = endA; i < a.length; i++) push(out, { op: 'equal', text: a[i] });
  return out;
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_TABLE_CELLS) {
    return [
      ...a.map((text) => ({ op: 'delete' as const, text })),
      ...b.map((text) => ({ op: 'insert' as const, text })),
    ];
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..], row-major in one typed array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'equal', text: a[i++] });
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      out.push({ op: 'delete', text: a[i++] });
    } else out.push({ op: 'insert', text: b[j++] });
  }
  while (i < n) out.push({ op: 'delete', text: a[i++] });
  while (j < m) out.push({ op: 'insert', text: b[j++] });
  return out;
}

/** Appends, merging with the previous segment when the op is the same. */
function push(out: DiffSegment[], segment: DiffSegment): void {
  if (!segment.text) return;
  const last = out[out.length - 1];
  if (last && last.op === segment.op) last.text += segment.text;
  else out.push({ ...segment });
}
