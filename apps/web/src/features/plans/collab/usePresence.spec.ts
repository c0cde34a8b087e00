import { describe, expect, it } from '@jest/globals';
import { presentPeople } from './usePresence';

const me = { id: 'u-me', name: 'Lucía Ortega (Málaga)', canEdit: true };

describe('presentPeople', () => {
  it('lists me first, then the others by name, once per person, with their mode from the server', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'local name' } }], // my own client: its state carries no stamp
      [2, { user: { id: 'u-w', name: 'Wang Li (Jingyue)', canEdit: false } }],
      [3, { user: { id: 'u-j', name: 'Javier Morales (Málaga)', canEdit: true } }],
      [4, { user: { id: 'u-j', name: 'Javier Morales (Málaga)', canEdit: true } }], // a second tab
      [5, {}], // not stamped yet
    ]);
    expect(presentPeople(states, 1, me).map((p) => [p.name, p.canEdit, p.self])).toEqual([
      ['Lucía Ortega (Málaga)', true, true],
      ['Javier Morales (Málaga)', true, false],
      ['Wang Li (Jingyue)', false, false],
    ]);
  });
});
