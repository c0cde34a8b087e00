import fc from 'fast-check';
import { diffText, diffTokens, tokenizeWords, type DiffSegment } from './text-diff.js';

const side = (segments: DiffSegment[], op: 'insert' | 'delete') =>
  segments
    .filter((s) => s.op === 'equal' || s.op === op)
    .map((s) => s.text)
    .join('');

describe('diffText', () => {
  it('marks the one changed word in a long text, and keeps the rest equal', () => {
    const before =
      'Safer streets for cyclists.\nA bike lane network by 2030.\nParking moves out of the centre.\n';
    const after =
      'Safer streets for cyclists.\nA bike lane network by 2028.\nParking moves out of the centre.\n';
    expect(diffText(before, after)).toEqual([
      { op: 'equal', text: 'Safer streets for cyclists.\nA bike lane network by ' },
      { op: 'delete', text: '2030' },
      { op: 'insert', text: '2028' },
      { op: 'equal', text: '.\nParking moves out of the centre.\n' },
    ]);
  });

  it('shows added and removed lines', () => {
    expect(diffText('one\ntwo\n', 'one\nthree\ntwo\n')).toEqual([
      { op: 'equal', text: 'one\n' },
      { op: 'insert', text: 'three\n' },
      { op: 'equal', text: 'two\n' },
    ]);
    expect(diffText('keep\ndrop\n', 'keep\n')).toEqual([
      { op: 'equal', text: 'keep\n' },
      { op: 'delete', text: 'drop\n' },
    ]);
  });

  it('handles empty texts on either side', () => {
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(diffText('old text', '')).toEqual([{ op: 'delete', text: 'old text' }]);
    expect(diffText('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
  });

  it('diffs Chinese text character by character (no spaces between words)', () => {
    expect(tokenizeWords('净月区交通')).toEqual(['净', '月', '区', '交', '通']);
    expect(diffText('净月区交通规划', '净月区自行车规划')).toEqual([
      { op: 'equal', text: '净月区' },
      { op: 'delete', text: '交通' },
      { op: 'insert', text: '自行车' },
      { op: 'equal', text: '规划' },
    ]);
  });

  it('tokenizes words, whitespace and punctuation so that they join back to the text', () => {
    expect(tokenizeWords('Málaga, 2030:  bikes!')).toEqual([
      'Málaga',
      ',',
      ' ',
      '2030',
      ':',
      '  ',
      'bikes',
      '!',
    ]);
  });

  it('always rebuilds both texts, and a text diffed with itself is all equal (property)', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'bike', ' ', '\n', '.', '净', 'é'), { maxLength: 40 })
      .map((t) => t.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = diffText(before, after);
        expect(side(diff, 'delete')).toBe(before);
        expect(side(diff, 'insert')).toBe(after);
        // Merged: no two neighbours with the same op, no empty segment.
        diff.forEach((s, i) => {
          expect(s.text).not.toBe('');
          if (i > 0) expect(diff[i - 1].op).not.toBe(s.op);
        });
        expect(diffText(before, before).every((s) => s.op === 'equal')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a longest common subsequence of tokens', () => {
    const equal = diffTokens(['a', 'b', 'c', 'd', 'e'], ['b', 'x', 'd', 'e', 'f'])
      .filter((s) => s.op === 'equal')
      .map((s) => s.text)
      .join('');
    expect(equal).toBe('bde');
  });
});
