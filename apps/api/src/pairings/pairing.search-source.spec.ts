import { searchUrls } from '@iuc/domain';
import { SearchSources } from '../search/search-sources.js';
import { addMembership, createUser } from '../test/auth-helpers.js';
import { insertPairing, type PairingFixture } from '../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { PairingSearchSource } from './pairing.search-source.js';
import { PersonSearchSource } from './person.search-source.js';

/** Every id a source lists, one page of `size` at a time. */
async function allIds(
  source: { subjectIds(after: string | null, limit: number): Promise<string[]> },
  size: number,
): Promise<string[]> {
  const seen: string[] = [];
  for (let page = await source.subjectIds(null, size); page.length;) {
    seen.push(...page);
    page = await source.subjectIds(page[page.length - 1], size);
  }
  return seen;
}

describe('pairings and people as search documents', () => {
  let t: TestApp;
  let pairings: PairingSearchSource;
  let people: PersonSearchSource;
  let first: PairingFixture;
  let second: PairingFixture;

  beforeAll(async () => {
    t = await startTestApp();
    pairings = t.app.get(PairingSearchSource);
    people = t.app.get(PersonSearchSource);
    first = await insertPairing(t.dataSource);
    second = await insertPairing(t.dataSource);
    await t.dataSource.query(
      `UPDATE pairings SET description = 'Cycling and clean air', themes = '{urban-mobility,air-quality}'
        WHERE id = $1`,
      [first.pairingId],
    );
  }, 60_000);
  afterAll(() => t.close());

  it('both register themselves', () => {
    const sources = t.app.get(SearchSources);
    expect(sources.get('pairing')).toBe(pairings);
    expect(sources.get('person')).toBe(people);
  });

  describe('a pairing', () => {
    it('is found by everyone, by its cities, their countries and its description', async () => {
      const docs = await pairings.documentsOf([first.pairingId, 'nope']);
      const [eu, partner] = first.title.split(' – ');
      const created: { created_at: Date }[] = await t.dataSource.query(
        'SELECT created_at FROM pairings WHERE id = $1',
        [first.pairingId],
      );
      expect(docs.get(first.pairingId)).toEqual([
        {
          kind: 'pairing',
          id: first.pairingId,
          title: first.title,
          summary: `${eu}, Italy · ${partner}, Brazil`,
          body: 'Cycling and clean air',
          language: null,
          audience: 'everyone',
          pairingIds: [first.pairingId],
          side: null,
          authorityId: null,
          authorId: null,
          themes: ['urban-mobility', 'air-quality'],
          sdgs: [],
          country: null,
          date: created[0].created_at,
          url: searchUrls.pairing(first.pairingId),
          context: 'Test call',
        },
      ]);
      expect(docs.has('nope')).toBe(false);
    });

    it('lists every pairing once, in id order, page by page', async () => {
      const rows: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM pairings ORDER BY id',
      );
      expect(rows.map((r) => r.id)).toEqual(
        expect.arrayContaining([first.pairingId, second.pairingId]),
      );
      expect(await allIds(pairings, 1)).toEqual(rows.map((r) => r.id));
    });
  });

  describe('a person', () => {
    const person = (email: string, name: string, programmeRole: 'officer' | null = null) =>
      createUser(t.dataSource, { email, name, password: 'correct horse battery', programmeRole });

    it('is found by name only: staff by everyone, members by their pairings, others by staff', async () => {
      const officer = await person('officer@people-search.test', 'Olga Officer', 'officer');
      const member = await person('member@people-search.test', 'Marta Member');
      const loner = await person('loner@people-search.test', 'Lone Person');
      for (const p of [first, second])
        await addMembership(t.dataSource, {
          userId: member.id,
          pairingId: p.pairingId,
          role: 'editor',
          authorityId: p.euAuthorityId,
        });
      const docs = await people.documentsOf([officer.id, member.id, loner.id]);
      const memberPairings = [first.pairingId, second.pairingId].sort();
      expect(docs.get(member.id)).toEqual([
        {
          kind: 'person',
          id: member.id,
          title: 'Marta Member',
          summary: '',
          body: '',
          language: null,
          audience: 'pairing',
          pairingIds: memberPairings,
          side: null,
          authorityId: null,
          authorId: null,
          themes: [],
          sdgs: [],
          country: null,
          date: expect.any(Date),
          url: searchUrls.person(memberPairings[0]),
          context: null,
        },
      ]);
      expect(docs.get(officer.id)).toEqual([
        expect.objectContaining({ title: 'Olga Officer', audience: 'everyone', pairingIds: [] }),
      ]);
      expect(docs.get(loner.id)).toEqual([
        expect.objectContaining({ title: 'Lone Person', audience: 'staff', pairingIds: [] }),
      ]);
      const words = JSON.stringify([...docs.values()]);
      expect(words).not.toContain('@people-search.test');
      expect(words).not.toContain('officer"');
    });

    it('a disabled account yields nothing', async () => {
      const gone = await person('gone@people-search.test', 'Gone Person');
      await t.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [gone.id]);
      const docs = await people.documentsOf([gone.id, '00000000-0000-4000-8000-000000000000']);
      expect([...docs.entries()]).toEqual([[gone.id, []]]);
    });

    it('lists every account once, in id order, page by page', async () => {
      const rows: { id: string }[] = await t.dataSource.query('SELECT id FROM users ORDER BY id');
      expect(rows.length).toBeGreaterThanOrEqual(4);
      expect(await allIds(people, 3)).toEqual(rows.map((r) => r.id));
    });
  });
});
