import { searchUrls } from '@iuc/domain';
import { SearchSources } from '../search/search-sources.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { AuthoritySearchSource } from './authority.search-source.js';

describe('cities and regions as search documents', () => {
  let t: TestApp;
  let source: AuthoritySearchSource;
  let regionId: string;
  let cityId: string;

  const insertAuthority = async (
    slug: string,
    fields: { name: string; localName?: string; aliases?: string[]; parentId?: string },
  ): Promise<string> => {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO authorities (slug, name, local_name, aliases, kind, parent_id, country_iso, world_region, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6, 'IT', 'europe', 'Europe/Rome') RETURNING id`,
      [
        slug,
        fields.name,
        fields.localName ?? null,
        fields.aliases ?? [],
        fields.parentId ? 'municipality' : 'region',
        fields.parentId ?? null,
      ],
    );
    return rows[0].id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    source = t.app.get(AuthoritySearchSource);
    regionId = await insertAuthority('piemonte-search', { name: 'Piedmont' });
    cityId = await insertAuthority('torino-search', {
      name: 'Turin',
      localName: 'Torino',
      aliases: ['Turin metropolitan city'],
      parentId: regionId,
    });
  }, 60_000);
  afterAll(() => t.close());

  it('registers itself for the subject "authority"', () => {
    expect(t.app.get(SearchSources).get('authority')).toBe(source);
  });

  it('a city is found by everyone, by its names and its country in every UI language', async () => {
    const docs = await source.documentsOf([cityId, regionId, 'nope']);
    const [city] = docs.get(cityId)!;
    expect(city).toEqual({
      kind: 'authority',
      id: cityId,
      title: 'Turin',
      summary: 'Piedmont, Italy',
      body: expect.any(String),
      language: null,
      audience: 'everyone',
      pairingIds: [],
      side: null,
      authorityId: cityId,
      authorId: null,
      themes: [],
      sdgs: [],
      country: 'IT',
      date: expect.any(Date),
      url: searchUrls.authority(cityId),
      context: 'Italy',
    });
    for (const word of [
      'Torino',
      'Turin metropolitan city',
      'Italia',
      'Italien',
      '意大利',
      'イタリア',
    ])
      expect(city.body.split('\n')).toContain(word);
    expect(docs.get(regionId)![0].summary).toBe('Italy');
    expect(docs.has('nope')).toBe(false);
  });

  it('lists every authority once, in id order, page by page', async () => {
    const rows: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM authorities ORDER BY id',
    );
    const seen: string[] = [];
    for (let page = await source.subjectIds(null, 1); page.length;) {
      seen.push(...page);
      page = await source.subjectIds(page[page.length - 1], 1);
    }
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(seen).toEqual(expect.arrayContaining([regionId, cityId]));
  });
});
