import fc from 'fast-check';
import {
  cjkBigrams,
  cjkIndexText,
  cjkSnippet,
  cjkTsQuery,
  hasCjk,
  parseSearchQuery,
  SEARCH_LIMITS,
  searchConfigOf,
  type ParsedSearchQuery,
} from './search-text.js';

/** Asserts the query parsed, and gives it back typed. */
function parsed(raw: string): ParsedSearchQuery {
  const result = parseSearchQuery(raw);
  if (!result.ok) throw new Error(`"${raw}" did not parse: ${result.reason}`);
  return result;
}

/** True when `needle` occurs in `haystack` as a contiguous run. */
function containsInOrder(haystack: string[], needle: string[]): boolean {
  return haystack.some((_, i) => needle.every((item, j) => haystack[i + j] === item));
}

/**
 * Reads a tsquery built by cjkTsQuery: quoted lexemes (with '' and \\ escapes) and, outside the
 * quotes, only the phrase structure. Throws on anything else.
 */
function readTsQuery(query: string): string[][] {
  const runs: string[][] = [];
  let i = 0;
  const expect = (token: string) => {
    if (!query.startsWith(token, i)) throw new Error(`expected ${token} at ${i} in ${query}`);
    i += token.length;
  };
  const lexeme = (): string => {
    expect("'");
    let out = '';
    for (;;) {
      if (i >= query.length) throw new Error(`unterminated lexeme in ${query}`);
      const c = query[i];
      if (c === '\\') {
        out += query[i + 1];
        i += 2;
      } else if (c === "'" && query[i + 1] === "'") {
        out += "'";
        i += 2;
      } else if (c === "'") {
        i++;
        return out;
      } else {
        out += c;
        i++;
      }
    }
  };
  while (i < query.length) {
    if (runs.length > 0) expect(' & ');
    expect('(');
    const run = [lexeme()];
    while (query.startsWith(' <-> ', i)) {
      i += ' <-> '.length;
      run.push(lexeme());
    }
    expect(')');
    runs.push(run);
  }
  return runs;
}

describe('searchConfigOf', () => {
  it('names the stemmed configuration of the six European languages', () => {
    expect(['en', 'es', 'pt', 'fr', 'it', 'de'].map(searchConfigOf)).toEqual([
      'iuc_en',
      'iuc_es',
      'iuc_pt',
      'iuc_fr',
      'iuc_it',
      'iuc_de',
    ]);
  });

  it('reads a language by its base tag', () => {
    expect(searchConfigOf('pt-BR')).toBe('iuc_pt');
    expect(searchConfigOf('DE_at')).toBe('iuc_de');
  });

  it("falls back to 'iuc_simple' for zh, ja, unknown and missing languages", () => {
    for (const language of [
      'zh',
      'zh-Hans',
      'ja',
      'ko',
      'xx',
      '',
      null,
      'constructor',
      '__proto__',
    ]) {
      expect(searchConfigOf(language)).toBe('iuc_simple');
    }
  });
});

describe('hasCjk', () => {
  it('sees Han, Hiragana and Katakana, and nothing else', () => {
    expect(hasCjk('公共交通')).toBe(true);
    expect(hasCjk('ひらがな')).toBe(true);
    expect(hasCjk('プラン')).toBe(true);
    expect(hasCjk('ﾃﾞｰﾀ')).toBe(true);
    expect(hasCjk('Économie circulaire, 2030')).toBe(false);
    expect(hasCjk('、。・「」')).toBe(false);
    expect(hasCjk('')).toBe(false);
  });
});

describe('cjkBigrams', () => {
  it('contains the bigrams of 公共交通, in order, in a Chinese sentence', () => {
    const bigrams = cjkBigrams('城市可持续发展行动计划包括公共交通和绿色建筑');
    expect(bigrams).toHaveLength(21);
    expect(containsInOrder(bigrams, cjkBigrams('公共交通'))).toBe(true);
    expect(cjkBigrams('公共交通')).toEqual(['公共', '共交', '交通']);
  });

  it("keeps 'ー' inside a Katakana run", () => {
    expect(cjkBigrams('データ')).toEqual(['デー', 'ータ']);
    // Half-width Katakana becomes the full-width word it stands for.
    expect(cjkBigrams('ﾃﾞｰﾀ')).toEqual(['デー', 'ータ']);
  });

  it("keeps '々' inside a Han run", () => {
    expect(cjkBigrams('人々')).toEqual(['人々']);
  });

  it('spans Han, Hiragana and Katakana in one Japanese run', () => {
    const bigrams = cjkBigrams('東京都の気候変動対策');
    expect(bigrams).toContain('対策');
    expect(bigrams).toContain('都の');
    expect(containsInOrder(bigrams, cjkBigrams('気候変動'))).toBe(true);
  });

  it('gives a one-character run alone, and ignores other text', () => {
    expect(cjkBigrams('水')).toEqual(['水']);
    expect(cjkBigrams('SUMP 水 plan 公共交通 2030')).toEqual(['水', '公共', '共交', '交通']);
    expect(cjkBigrams('Plan de movilidad urbana sostenible')).toEqual([]);
  });

  it('breaks runs at CJK punctuation', () => {
    expect(cjkBigrams('東京、京都。')).toEqual(['東京', '京都']);
    expect(cjkBigrams('ジョン・スミス')).toEqual(['ジョ', 'ョン', 'スミ', 'ミス']);
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    expect(cjkBigrams('𠮷野家')).toEqual(['𠮷野', '野家']);
  });
});

describe('cjkIndexText', () => {
  it('joins the bigrams with spaces, then each distinct character once', () => {
    expect(cjkIndexText('公共交通 SUMP 計画')).toBe('公共 共交 交通 計画 公 共 交 通 計 画');
    expect(cjkIndexText('only Latin')).toBe('');
  });

  it('is bounded', () => {
    const long = '公共交通'.repeat(SEARCH_LIMITS.maxIndexBigrams);
    // The bigrams stop at the cap; the four distinct characters follow.
    expect(cjkIndexText(long).split(' ')).toHaveLength(SEARCH_LIMITS.maxIndexBigrams + 4);
  });
});

describe('parseSearchQuery', () => {
  it('reads a one-character CJK query as a single-character lookup', () => {
    expect(parsed('水')).toEqual({
      ok: true,
      text: '水',
      latinTerms: [],
      websearch: '',
      cjkTerms: [],
      shortCjk: ['水'],
      truncated: false,
    });
  });

  it('splits a mixed-language query into words and CJK runs', () => {
    const query = parsed('  economia   circolare 循環経済 ');
    expect(query.latinTerms).toEqual(['economia', 'circolare']);
    expect(query.cjkTerms).toEqual([['循環', '環経', '経済']]);
    expect(query.shortCjk).toEqual([]);
    expect(query.text).toBe('economia circolare 循環経済');
    expect(query.websearch).toBe('economia circolare');
  });

  it('keeps the web-search syntax (quotes, or, minus) for the Latin words', () => {
    expect(parsed('"economía circular" or movilidad -coche 交通').websearch).toBe(
      '"economía circular" or movilidad -coche',
    );
  });

  it('splits CJK from Latin letters written without a space', () => {
    const query = parsed('城市SUMP计划');
    expect(query.latinTerms).toEqual(['sump']);
    expect(query.cjkTerms).toEqual([['城市'], ['计划']]);
  });

  it('turns full-width Latin into lowercase ASCII', () => {
    expect(parsed('ＳＵＭＰ').latinTerms).toEqual(['sump']);
    expect(parsed('Économie').latinTerms).toEqual(['économie']);
  });

  it('keeps accents (the unaccent configurations drop them)', () => {
    expect(parsed('economía circular').text).toBe('economía circular');
  });

  it('reads a query of only operators as empty', () => {
    expect(parseSearchQuery(`&|!:*()'"\\`)).toEqual({ ok: false, reason: 'empty' });
    expect(parseSearchQuery('<-> <-> !!! "" ~ @ #')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSearchQuery('   \n\t ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSearchQuery('、。・')).toEqual({ ok: false, reason: 'empty' });
  });

  it('strips operators from around words, never passing them through', () => {
    const query = parsed(`"movilidad" & !ciclista:* | (交通) 'o''brien' \\x <-> %_`);
    expect(query.latinTerms).toEqual(['movilidad', 'ciclista', 'o', 'brien', 'x']);
    expect(query.cjkTerms).toEqual([['交通']]);
    expect(query.text).toBe('movilidad ciclista 交通 o brien x');
  });

  it('refuses a query longer than the limit, after trimming', () => {
    expect(parseSearchQuery('a'.repeat(5000))).toEqual({ ok: false, reason: 'too_long' });
    expect(parseSearchQuery('交'.repeat(SEARCH_LIMITS.queryMaxChars + 1))).toEqual({
      ok: false,
      reason: 'too_long',
    });
    expect(parsed(`  ${'a'.repeat(SEARCH_LIMITS.queryMaxChars)}  `).latinTerms).toHaveLength(1);
  });

  it('counts characters outside the Basic Multilingual Plane once', () => {
    expect(parsed('𠮷'.repeat(SEARCH_LIMITS.queryMaxChars)).truncated).toBe(true);
  });

  it('keeps at most maxTerms lexemes, cutting a long CJK run to a shorter phrase', () => {
    const words = parsed(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(words.latinTerms).toHaveLength(SEARCH_LIMITS.maxTerms);
    expect(words.truncated).toBe(true);

    const run = parsed('公共交通'.repeat(20));
    expect(run.cjkTerms).toHaveLength(1);
    expect(run.cjkTerms[0]).toHaveLength(SEARCH_LIMITS.maxTerms);
    expect(run.text).toHaveLength(SEARCH_LIMITS.maxTerms + 1);
    expect(run.truncated).toBe(true);

    expect(parsed('公共交通 水').truncated).toBe(false);
  });

  it('lists a repeated word once', () => {
    const query = parsed('agua Agua AGUA 水 水');
    expect(query.latinTerms).toEqual(['agua']);
    expect(query.shortCjk).toEqual(['水']);
  });

  it('never throws, and gives bounded terms free of operators (property)', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 600, unit: 'binary' }),
      fc.string({ maxLength: 80, unit: fc.constantFrom(...`&|!:*()'"\\<>-% 交通ーデ水a`) }),
    );
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = parseSearchQuery(raw);
        if (!result.ok) return;
        const lexemes = [...result.latinTerms, ...result.cjkTerms.flat(), ...result.shortCjk];
        expect(lexemes.length).toBeGreaterThan(0);
        expect(lexemes.length).toBeLessThanOrEqual(SEARCH_LIMITS.maxTerms);
        for (const lexeme of [result.text, ...lexemes]) {
          expect(lexeme).not.toMatch(/[&|!:*()'"\\<>%_]/);
        }
        expect(result.text).not.toMatch(/^\s|\s$|\s\s/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cjkTsQuery', () => {
  it('joins a run as a phrase and runs with &', () => {
    expect(cjkTsQuery([['公共', '共交', '交通']])).toBe("('公共' <-> '共交' <-> '交通')");
    expect(cjkTsQuery([['循環', '環経', '経済'], ['対策']])).toBe(
      "('循環' <-> '環経' <-> '経済') & ('対策')",
    );
  });

  it('builds the query of a parsed search', () => {
    expect(cjkTsQuery(parsed('気候変動 対策 climate').cjkTerms)).toBe(
      "('気候' <-> '候変' <-> '変動') & ('対策')",
    );
  });

  it('escapes quotes and backslashes inside lexemes', () => {
    expect(cjkTsQuery([["a'b", 'c\\d']])).toBe("('a''b' <-> 'c\\\\d')");
  });

  it('is empty when there is nothing to search for', () => {
    expect(cjkTsQuery([])).toBe('');
    expect(cjkTsQuery([[], ['']])).toBe('');
  });

  it('never leaves a quote or operator outside the quoted lexemes (property)', () => {
    const lexeme = fc.string({
      minLength: 1,
      maxLength: 6,
      unit: fc.oneof(
        fc.constantFrom(...'\'\\&|!:*()<->" '),
        fc.string({ minLength: 1, maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(fc.array(lexeme, { maxLength: 5 }), { maxLength: 5 }), (runs) => {
        const expected = runs.filter((run) => run.length > 0);
        expect(readTsQuery(cjkTsQuery(runs))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cjkSnippet', () => {
  const text = '城市可持续发展行动计划包括公共交通和绿色建筑';

  it('centres a window on the first match and marks it', () => {
    const snippet = cjkSnippet(text, ['公共交通'], 3);
    expect(snippet.text).toBe('…划包括公共交通和绿色…');
    expect(snippet.highlights).toEqual([[4, 8]]);
    const [[from, to]] = snippet.highlights;
    expect(snippet.text.slice(from, to)).toBe('公共交通');
  });

  it('marks every occurrence of every term inside the window, not one the window cuts', () => {
    const snippet = cjkSnippet('交通A交通B计划C交通DEFGHIJKLMNOP交通', ['交通', '计划'], 8);
    expect(snippet.text).toBe('交通A交通B计划C交…');
    expect(snippet.highlights.map(([from, to]) => snippet.text.slice(from, to))).toEqual([
      '交通',
      '交通',
      '计划',
    ]);
  });

  it('counts a surrogate pair as one character and never splits it', () => {
    const emojiText = `🌍🌍🌍🌍𠮷 気候変動対策`;
    const snippet = cjkSnippet(emojiText, ['対策'], 7);
    expect(snippet.text).toBe('…🌍𠮷 気候変動対策');
    const [[from, to]] = snippet.highlights;
    expect(snippet.text.slice(from, to)).toBe('対策');
    expect(from).toBe(1 + 2 + 2 + 1 + 4);
    expect(snippet.text).not.toMatch(/^…[\udc00-\udfff]/);
  });

  it('prefers the longer term where two start at one place', () => {
    const snippet = cjkSnippet('気候変動対策', ['気候', '気候変動'], 10);
    expect(snippet.highlights).toEqual([[0, 4]]);
  });

  it('ignores case for Latin terms and collapses whitespace', () => {
    const snippet = cjkSnippet('The  SUMP\n\nof 北京市', ['sump'], 40);
    expect(snippet.text).toBe('The SUMP of 北京市');
    expect(snippet.highlights).toEqual([[4, 8]]);
  });

  it('shows the beginning, unmarked, when nothing matches', () => {
    expect(cjkSnippet('公共交通和绿色建筑', ['水'], 2)).toEqual({
      text: '公共交通…',
      highlights: [],
    });
    expect(cjkSnippet('短い', [], 40)).toEqual({ text: '短い', highlights: [] });
  });

  it('keeps its highlights on the terms for any text (property)', () => {
    const unit = fc.constantFrom('交', '通', 'a', ' ', '🌍', '𠮷', 'ー');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60, unit }),
        fc.array(fc.string({ minLength: 1, maxLength: 3, unit }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 20 }),
        (body, terms, radius) => {
          const snippet = cjkSnippet(body, terms, radius);
          const wanted = terms.map((t) => t.trim().toLowerCase()).filter(Boolean);
          for (const [from, to] of snippet.highlights) {
            expect(wanted).toContain(snippet.text.slice(from, to).toLowerCase());
          }
          expect(snippet.text).not.toMatch(/^…[\udc00-\udfff]|[\ud800-\udbff]…$/);
        },
      ),
      { numRuns: 500 },
    );
  });
});
