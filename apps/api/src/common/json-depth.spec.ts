import { jsonNestsDeeperThan } from './json-depth.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects inside one another, on strings and on UTF-8 bytes', () => {
    for (const input of [(s: string) => s, (s: string) => Buffer.from(s)]) {
      expect(jsonNestsDeeperThan(input(nested(32)), 32)).toBe(false);
      expect(jsonNestsDeeperThan(input(nested(33)), 32)).toBe(true);
      expect(jsonNestsDeeperThan(input('{"a":{"b":[{"c":1}]}}'), 3)).toBe(true);
      expect(jsonNestsDeeperThan(input('{"a":{"b":[{"c":1}]}}'), 4)).toBe(false);
      // Siblings do not add up.
      expect(jsonNestsDeeperThan(input(`[${Array(100).fill('[1]').join(',')}]`), 2)).toBe(false);
    }
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ a: '[[[[{{{{' }), 1)).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify({ a: 'say "[[[[" \\ [[' }), 1)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ 名前: '[[[[ 日本語 ]]' })), 1)).toBe(
      false,
    );
  });

  it('scans the 800 KB, 400,000-deep body in well under a millisecond (it stops at the limit)', () => {
    const body = Buffer.from(`{"email":${nested(400_000)}}`);
    const started = performance.now();
    expect(jsonNestsDeeperThan(body, 32)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5);
  });
});
