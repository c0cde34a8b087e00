/**
 * Pure groundwork for full-text search (issue 24): turning user queries into safe terms, and
 * Chinese/Japanese text into overlapping character bigrams. PostgreSQL has no zh/ja parser, so CJK
 * text is indexed as bigrams built here into a 'simple' tsvector and searched as a phrase of the
 * query's bigrams (measured recall 1.00, see research/library-search-lifecycle.md §1).
 */

export const SEARCH_LIMITS = {
  /** Longest query, in characters, after trimming. */
  queryMaxChars: 500,
  /** Most lexemes one query may produce (Latin words + CJK bigrams + one-character runs). */
  maxTerms: 32,
  /**
   * Most bigrams indexed per text. A tsvector holds at most 1 MB and positions up to 16,383, so a
   * long extracted PDF is indexed by its beginning.
   */
  maxIndexBigrams: 50_000,
  /** Most distinct CJK characters indexed per text, for one-character queries. */
  maxIndexChars: 5_000,
} as const;

/** The text-search configurations the migration creates (unaccent + snowball stemmer, or none). */
export const SEARCH_CONFIGS = [
  'iuc_en',
  'iuc_es',
  'iuc_pt',
  'iuc_fr',
  'iuc_it',
  'iuc_de',
  'iuc_simple',
] as const;
export type SearchConfig = (typeof SEARCH_CONFIGS)[number];

const STEMMED: Readonly<Record<string, SearchConfig>> = {
  en: 'iuc_en',
  es: 'iuc_es',
  pt: 'iuc_pt',
  fr: 'iuc_fr',
  it: 'iuc_it',
  de: 'iuc_de',
};

/** The configuration for a language tag ('pt-BR' → 'iuc_pt'); zh, ja and unknown → 'iuc_simple' (no stemming, accents ignored). */
export function searchConfigOf(language: string | null): SearchConfig {
  const base = (language ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(STEMMED, base) ? STEMMED[base] : 'iuc_simple';
}

// Script extensions, not Script: 'ー' (U+30FC) is Common by script but Hiragana/Katakana by
// extension, and with \p{Script=Katakana} the bigrams of データ break. The lookahead keeps out the
// CJK punctuation that shares those extensions ('、', '。', '・', '「').
const CJK_CHAR = String.raw`(?=[\p{L}\p{M}\p{N}])[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]`;
const CJK_RUN = new RegExp(`(?:${CJK_CHAR})+`, 'gu');
const HAS_CJK = new RegExp(CJK_CHAR, 'u');
/** A CJK run, or a word of any other script (letters, marks, digits); everything else is dropped. */
const TOKEN = new RegExp(`((?:${CJK_CHAR})+)|((?:(?!${CJK_CHAR})[\\p{L}\\p{M}\\p{N}])+)`, 'gu');

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Appends the overlapping bigrams of one CJK run (one-character run: that character) to `out`. */
function pushRunBigrams(run: string, out: string[], max = Infinity): void {
  const chars = Array.from(run);
  if (chars.length === 1 && out.length < max) out.push(chars[0]);
  for (let i = 0; i + 1 < chars.length && out.length < max; i++) out.push(chars[i] + chars[i + 1]);
}

function runBigrams(run: string): string[] {
  const bigrams: string[] = [];
  pushRunBigrams(run, bigrams);
  return bigrams;
}

/** The bigrams of the CJK runs of `text`, in order, stopping at `max`. */
function bigramsUpTo(text: string, max: number): string[] {
  const bigrams: string[] = [];
  for (const [run] of normalise(text).matchAll(CJK_RUN)) {
    if (bigrams.length >= max) break;
    pushRunBigrams(run, bigrams, max);
  }
  return bigrams;
}

/** True when the text has a Han, Hiragana or Katakana letter. */
export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text);
}

/** The bigrams of every CJK run of the text, in order (NFKC, lowercased); other text is ignored. */
export function cjkBigrams(text: string): string[] {
  return bigramsUpTo(text, Infinity);
}

/**
 * The text to store as `to_tsvector('simple', …)` in the CJK column: its bigrams separated by
 * spaces, at most `maxIndexBigrams` of them, then each distinct CJK character once (so that a
 * one-character query is an index lookup, not a scan). Runs are not separated (PostgreSQL does not
 * advance the position for punctuation), so "東京、京都" can match the query 東京都 — the same kind
 * of false positive bigrams already have. The characters come last so the bigrams keep the first
 * positions (a tsvector counts positions only up to 16,383).
 */
export function cjkIndexText(text: string): string {
  const bigrams = bigramsUpTo(text, SEARCH_LIMITS.maxIndexBigrams);
  const single = new Set<string>();
  for (const [run] of normalise(text).matchAll(CJK_RUN)) {
    for (const char of run) single.add(char);
    if (single.size >= SEARCH_LIMITS.maxIndexChars) break;
  }
  return [...bigrams, ...[...single].slice(0, SEARCH_LIMITS.maxIndexChars)].join(' ');
}

export interface ParsedSearchQuery {
  ok: true;
  /** The cleaned query: its words and CJK runs, lowercased, joined by single spaces. */
  text: string;
  /** Words of the non-CJK scripts, for the per-language vectors. */
  latinTerms: string[];
  /**
   * The query without its CJK runs, quotes and `-` kept, for `websearch_to_tsquery` (which accepts
   * any text): "quoted phrases", `or`, `-excluded`. Empty when the query has no Latin words.
   */
  websearch: string;
  /** Per CJK run of two or more characters: its bigrams in order (a phrase). */
  cjkTerms: string[][];
  /** One-character CJK runs: no bigram exists, so these are looked up as single characters. */
  shortCjk: string[];
  /** True when terms beyond `maxTerms` were dropped. */
  truncated: boolean;
}

export type SearchQueryResult = ParsedSearchQuery | { ok: false; reason: 'empty' | 'too_long' };

/** Counts code points, stopping once past `max` (a hostile query may be megabytes long). */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    if (++count > max) return true;
  }
  return false;
}

/**
 * Reads a user's query as plain text: tsquery operators, quotes and punctuation are dropped, never
 * passed through, so nothing the user types can make PostgreSQL fail.
 */
export function parseSearchQuery(raw: string): SearchQueryResult {
  const trimmed = typeof raw === 'string' ? raw.trim() : '';
  if (longerThan(trimmed, SEARCH_LIMITS.queryMaxChars)) return { ok: false, reason: 'too_long' };
  const parsed: ParsedSearchQuery = {
    ok: true,
    text: '',
    latinTerms: [],
    websearch: '',
    cjkTerms: [],
    shortCjk: [],
    truncated: false,
  };
  const kept: string[] = [];
  let budget: number = SEARCH_LIMITS.maxTerms;
  for (const [, cjk, word] of normalise(trimmed).matchAll(TOKEN)) {
    if (budget === 0) {
      parsed.truncated = true;
      break;
    }
    if (word !== undefined) {
      kept.push(word);
      if (!parsed.latinTerms.includes(word)) parsed.latinTerms.push(word);
      budget--;
      continue;
    }
    const chars = Array.from(cjk);
    if (chars.length === 1) {
      kept.push(cjk);
      if (!parsed.shortCjk.includes(cjk)) parsed.shortCjk.push(cjk);
      budget--;
      continue;
    }
    // A phrase cut short still finds every text the whole phrase finds.
    const take = Math.min(chars.length - 1, budget);
    if (take < chars.length - 1) parsed.truncated = true;
    const run = chars.slice(0, take + 1).join('');
    kept.push(run);
    parsed.cjkTerms.push(runBigrams(run));
    budget -= take;
  }
  if (kept.length === 0) return { ok: false, reason: 'empty' };
  parsed.text = kept.join(' ');
  if (parsed.latinTerms.length > 0) {
    parsed.websearch = normalise(trimmed).replace(CJK_RUN, ' ').replace(/\s+/g, ' ').trim();
  }
  return parsed;
}

/** A tsquery lexeme, single-quoted, with its quotes and backslashes escaped. */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The tsquery for `to_tsquery('simple', …)` over the CJK column: each run's bigrams as a phrase
 * (`<->`), all runs required (`&`). Empty string when there is nothing to search for.
 */
export function cjkTsQuery(runs: string[][]): string {
  return runs
    .map((run) => run.filter((bigram) => bigram.length > 0))
    .filter((run) => run.length > 0)
    .map((run) => `(${run.map(quoteLexeme).join(' <-> ')})`)
    .join(' & ');
}

export interface SearchSnippet {
  /** The window of text, with '…' where it was cut. */
  text: string;
  /** [start, end) of each match in `text`, in UTF-16 indices (ready for `String#slice`). */
  highlights: [number, number][];
}

/** Moves `index` by `count` code points (negative: backwards), never splitting a surrogate pair. */
function stepCodePoints(text: string, index: number, count: number): number {
  let i = index;
  const direction = Math.sign(count);
  for (let n = Math.abs(count); n > 0; n--) {
    if (direction < 0) {
      if (i <= 0) return 0;
      i--;
      if (i > 0 && /[\udc00-\udfff]/.test(text[i]) && /[\ud800-\udbff]/.test(text[i - 1])) i--;
    } else {
      if (i >= text.length) return text.length;
      i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    }
  }
  return i;
}

/** Every occurrence of the terms, leftmost first, longest first at one place, none overlapping. */
function occurrences(haystack: string, terms: string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const term of terms) {
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + 1)) {
      found.push([at, at + term.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: [number, number][] = [];
  for (const range of found) {
    if (kept.length === 0 || range[0] >= kept[kept.length - 1][1]) kept.push(range);
  }
  return kept;
}

/**
 * A snippet for CJK results, where `ts_headline` does not fit (a bigram match is a substring
 * match): `radius` characters either side of the first match, whitespace collapsed, with the
 * ranges of every match inside the window. Matching ignores case when lowercasing keeps offsets.
 */
export function cjkSnippet(text: string, terms: string[], radius = 40): SearchSnippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const haystack = lower.length === flat.length ? lower : flat;
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].map((t) =>
    haystack === lower ? t.toLowerCase() : t,
  );
  const matches = occurrences(haystack, wanted);
  const width = Math.max(0, Math.floor(radius));
  let start = 0;
  let end = stepCodePoints(flat, 0, 2 * width);
  if (matches.length > 0) {
    const [first, firstEnd] = matches[0];
    start = stepCodePoints(flat, first, -width);
    end = stepCodePoints(flat, firstEnd, width);
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + flat.slice(start, end) + suffix,
    highlights: matches
      .filter(([from, to]) => from >= start && to <= end)
      .map(([from, to]) => [from + shift, to + shift]),
  };
}
