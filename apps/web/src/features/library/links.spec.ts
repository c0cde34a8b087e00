import { describe, expect, it } from '@jest/globals';
import { libraryLinkIds } from './links';

const A = '0b6a4f4e-3c1d-4a55-9c1e-5b7f2d2a9e10';
const B = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';

describe('libraryLinkIds', () => {
  it('finds relative and absolute links', () => {
    expect(libraryLinkIds(`see /library/${A} and https://iuc.example.org/library/${B}.`)).toEqual([
      A,
      B,
    ]);
  });

  it('finds links inside markdown and angle brackets', () => {
    expect(
      libraryLinkIds(`[the practice](/library/${A}) <http://localhost:3000/library/${B}>`),
    ).toEqual([A, B]);
  });

  it('names each item once, lower-cased', () => {
    expect(libraryLinkIds(`/library/${A.toUpperCase()} /library/${A}`)).toEqual([A]);
  });

  it('ignores other paths and ids that go on', () => {
    expect(libraryLinkIds(`/plans/${A} /library/new /library/${A}x /mylibrary/${B}`)).toEqual([]);
    expect(libraryLinkIds(`/library/${A}/edit`)).toEqual([A]);
  });

  it('stops at the limit', () => {
    const ids = Array.from({ length: 5 }, (_, i) => A.replace(/0$/, String(i)));
    expect(libraryLinkIds(ids.map((id) => `/library/${id}`).join(' '), 3)).toEqual(ids.slice(0, 3));
  });
});
