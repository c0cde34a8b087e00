import { decodeListCursor, encodeListCursor } from './resource-cursor.js';
import { likePattern } from './resource-list.repository.js';

describe('library list cursors', () => {
  const place = {
    rank: 1,
    position: { micros: '1796400000000123', id: '00000000-0000-4000-8000-000000000001' },
  };

  it('round-trip the rank and the position', () => {
    expect(decodeListCursor(encodeListCursor(place))).toEqual(place);
    expect(decodeListCursor(encodeListCursor({ ...place, rank: 0 }))).toEqual({
      ...place,
      rank: 0,
    });
  });

  it('refuse what is not one of theirs', () => {
    for (const bad of ['', 'nonsense', '2.abc', '1.', `x.${encodeListCursor(place).slice(2)}`])
      expect(decodeListCursor(bad)).toBeNull();
  });
});

describe('likePattern', () => {
  it('matches the words in order and takes wildcards literally', () => {
    expect(likePattern('green  roofs')).toBe('%green%roofs%');
    expect(likePattern('50% off_now\\')).toBe('%50\\% off\\_now\\\\%'.replace(' ', '%'));
  });
});
