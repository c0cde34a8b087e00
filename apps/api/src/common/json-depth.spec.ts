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

  it('stops reading the 800 KB, 400,000-deep body at the limit', () => {
    const body = Buffer.from(`{"email":${nested(400_000)}}`);
    // Counts the bytes read (a timed assertion would fail on a busy machine).
    let reads = 0;
    const counted = new Proxy(body, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(jsonNestsDeeperThan(counted, 32)).toBe(true);
    // `{"email":` (the object is the first level), then 32 brackets: the 33rd level stops it.
    expect(reads).toBe(9 + 32);
  });
});
