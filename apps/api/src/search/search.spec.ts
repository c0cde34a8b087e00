/**
 * Search through the real platform: items created through the library's routes, found through
 * GET /api/search in their languages, with highlights, and never by someone who may not read them.
 */
import request from 'supertest';
import type { ResourceDto, SearchResponseDto } from '@iuc/domain';
import { setUpPlanCast, type CastMember, type PlanCast } from '../test/plan-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { SearchIndexer } from './search-indexer.js';

describe('search', () => {
  let t: TestApp;
  let a: PlanCast;
  let b: PlanCast;

  beforeAll(async () => {
    t = await startTestApp();
    a = await setUpPlanCast(t);
    b = await setUpPlanCast(t);
  });
  afterAll(() => t.close());

  type Who = CastMember | `b.${CastMember}`;
  const token = (who: Who) =>
    who.startsWith('b.') ? b.tokens[who.slice(2) as CastMember] : a.tokens[who as CastMember];
  const as = (who: Who) => ({
    get: (path: string) =>
      request(t.url)
        .get(path)
        .set('Authorization', `Bearer ${token(who)}`),
    post: (path: string, body: object) =>
      request(t.url)
        .post(path)
        .set('Authorization', `Bearer ${token(who)}`)
        .send(body),
  });
  const settled = () => t.app.get(SearchIndexer).settled();

  /** A published programme-wide item (the officer publishes it). */
  async function published(over: object): Promise<ResourceDto> {
    const item: ResourceDto = (
      await as('coordinator').post('/api/resources', {
        kind: 'good_practice',
        summary: 'A practice.',
        language: 'en',
        themes: ['circular-economy'],
        sdgs: [11],
        scope: { level: 'programme' },
        ...over,
      })
    ).body;
    if (!item.id) throw new Error(JSON.stringify(item));
    await as('officer').post(`/api/resources/${item.id}/review`, { action: 'publish' }).expect(200);
    return item;
  }

  const search = async (who: Who, q: string, extra = ''): Promise<SearchResponseDto> => {
    await settled();
    return (
      await as(who)
        .get(`/api/search?q=${encodeURIComponent(q)}${extra}`)
        .expect(200)
    ).body;
  };
  const ids = async (who: Who, q: string, extra = '') =>
    (await search(who, q, extra)).items.map((i) => i.id);

  describe('in each language', () => {
    const made: Record<string, ResourceDto> = {};

    beforeAll(async () => {
      made.es = await published({
        title: 'Economía circular en los mercados municipales',
        summary: 'Los desarrollos del reciclaje en Málaga.',
        language: 'es',
      });
      made.it = await published({ title: 'Economia Circolare a Bologna', language: 'it' });
      made.fr = await published({
        title: 'Plan de développement urbain',
        summary: 'Le développement des quartiers de Besançon.',
        language: 'fr',
      });
      made.zh = await published({
        title: '公共交通规划',
        summary: '城市公共交通和绿色建筑',
        language: 'zh',
      });
      made.ja = await published({
        title: '気候変動対策',
        summary: '東京都の気候変動対策について',
        language: 'ja',
      });
    });

    it('finds accents, inflections and other spellings', async () => {
      // Every word in Italian; one of them, without its accent, in Spanish: both, Italian first.
      const circular = await search('viewer', 'economia circolare');
      expect(circular.items.map((i) => i.id).slice(0, 2)).toEqual([made.it.id, made.es.id]);
      expect(circular.matched).toBe('all');
      const develop = (await search('viewer', 'desarrollo')).items;
      expect(develop.map((i) => i.id)).toContain(made.es.id);
      expect(develop.find((i) => i.id === made.es.id)!.snippet).toContain(
        '<mark>desarrollos</mark> del reciclaje',
      );
      expect(await ids('viewer', 'developpement besancon')).toContain(made.fr.id);
    });

    it('finds Chinese and Japanese words inside longer ones, and single characters', async () => {
      expect(await ids('viewer', '交通')).toContain(made.zh.id);
      expect(await ids('viewer', '対策')).toContain(made.ja.id);
      expect(await ids('viewer', '绿')).toContain(made.zh.id);
      const hit = (await search('viewer', '交通')).items.find((i) => i.id === made.zh.id)!;
      expect(hit.snippet).toContain('<mark>交通</mark>');
    });
  });
});
