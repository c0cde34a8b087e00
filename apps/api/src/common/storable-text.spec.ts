import { unstorableText, unstorableTextIn } from './storable-text.js';

describe('storable text', () => {
  it('refuses NUL and unpaired surrogates, and keeps every other character (pairs, emoji, CJK, controls)', () => {
    expect(unstorableText('a\u0000b')).toMatch(/NUL/);
    expect(unstorableText('a\ud800b')).toMatch(/unpaired/);
    expect(unstorableText('a\udc00')).toMatch(/unpaired/);
    expect(unstorableText('\udc00\ud800')).toMatch(/unpaired/);
    for (const fine of [
      '',
      'Plan für Málaga',
      '京都 🚲 👩🏽‍🔧',
      '\u{1F600}',
      'tab\tand\nnewline',
      '\u0001',
    ])
      expect(unstorableText(fine)).toBeNull();
  });

  it('names each bad field of a body, nested objects, arrays and keys included', () => {
    expect(
      unstorableTextIn(
        {
          name: 'ok',
          comment: 'a\u0000',
          tags: ['x', '\ud83d'],
          inner: { deep: '\u0000' },
          ['k\u0000']: 1,
        },
        'body',
      ),
    ).toEqual([
      'comment must not contain the NUL character (U+0000)',
      'tags[1] contains an unpaired UTF-16 surrogate (not valid Unicode)',
      'inner.deep must not contain the NUL character (U+0000)',
      'a field name in body must not contain the NUL character (U+0000)',
    ]);
    expect(unstorableTextIn('\u0000', 'id')).toEqual([
      'id must not contain the NUL character (U+0000)',
    ]);
    expect(unstorableTextIn({ a: 1, b: null, c: true }, 'body')).toEqual([]);
  });

  it('stops at the limit of problems, in field names and array items too', () => {
    const keys = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}\u0000`, 'ok']));
    expect(unstorableTextIn(keys, 'body')).toHaveLength(10);
    expect(
      unstorableTextIn(
        Array.from({ length: 50 }, () => 'a\u0000'),
        'body',
      ),
    ).toHaveLength(10);
  });
});
