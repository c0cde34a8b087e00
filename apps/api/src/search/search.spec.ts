/**
 * Search through the real platform: items created through the library's routes, found through
 * GET /api/search in their languages, with highlights, and never by someone who may not read them.
 */
import request from 'supertest';
import * as tus from 'tus-js-client';
import * as Y from 'yjs';
import type { ChannelDto, ResourceDto, SearchResponseDto } from '@iuc/domain';
import type { Actor } from '../access/actor.js';
import { DiscussionsService } from '../discussions/discussions.service.js';
import { EventBus } from '../events/event-bus.js';
import { readPlanContent, writeSectionText } from '../plans/documents/plan-content.js';
import { writeProjection } from '../plans/projection/plan-projection.repository.js';
import { makePdf } from '../test/fixtures/document-files.js';
import {
  addAction,
  eventually,
  setUpPlanCast,
  type CastMember,
  type PlanCast,
} from '../test/plan-fixture.js';
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

  describe('who finds what', () => {
    let pairingOnly: ResourceDto;
    let sideDraft: ResourceDto;

    beforeAll(async () => {
      const make = async (title: string, scope: object) =>
        (
          await as('coordinator')
            .post('/api/resources', {
              kind: 'case_study',
              title,
              summary: 'Zebrafish monitoring of the river.',
              language: 'en',
              themes: ['air-quality'],
              sdgs: [6],
              scope,
            })
            .expect(201)
        ).body as ResourceDto;
      pairingOnly = await make('Pairing-only zebrafish notes', {
        level: 'pairing',
        pairingId: a.pairing.pairingId,
      });
      sideDraft = await make('Side-only zebrafish draft', {
        level: 'side',
        pairingId: a.pairing.pairingId,
        authorityId: a.pairing.euAuthorityId,
      });
    });

    const found = async (who: Who) => {
      const result = await search(who, 'zebrafish');
      return {
        ids: result.items.map((i) => i.id),
        total: result.total,
        water: result.facets!.theme.find((f) => f.value === 'air-quality')?.count ?? 0,
        pairing: result.facets!.pairing.find((f) => f.value === a.pairing.pairingId)?.count ?? 0,
      };
    };

    it('shows a pairing-only item to its pairing and staff, a side draft to its city only', async () => {
      expect(await found('editor')).toEqual({
        ids: expect.arrayContaining([pairingOnly.id, sideDraft.id]),
        total: 2,
        water: 2,
        pairing: 2,
      });
      // The partner city and a viewer of the whole pairing: the pairing's item, not the side's.
      for (const who of ['partner', 'viewer'] as const) {
        expect(await found(who)).toEqual({ ids: [pairingOnly.id], total: 1, water: 1, pairing: 1 });
      }
      // Staff hold no side.
      expect(await found('officer')).toEqual({
        ids: [pairingOnly.id],
        total: 1,
        water: 1,
        pairing: 1,
      });
    });

    it('shows neither, not even in counts, to another pairing or an outsider', async () => {
      for (const who of ['b.coordinator', 'outsider'] as const) {
        const result = await search(who, 'zebrafish');
        expect(result).toMatchObject({ items: [], total: 0, nextCursor: null });
        expect(Object.values(result.facets!).flat()).toEqual([]);
      }
    });

    it('drops an item from the results when it is deleted', async () => {
      await request(t.url)
        .delete(`/api/resources/${pairingOnly.id}`)
        .set('Authorization', `Bearer ${token('coordinator')}`)
        .expect(204);
      expect((await found('viewer')).ids).toEqual([]);
    });
  });

  describe('bad queries', () => {
    it('answers 400 with a code for an empty, an operators-only or a too long query', async () => {
      for (const [q, code] of [
        ['', 'search.empty_query'],
        ['   ', 'search.empty_query'],
        [`&|!:*()'"\\`, 'search.empty_query'],
        ['x'.repeat(5_000), 'search.query_too_long'],
      ] as const) {
        const res = await as('viewer').get(`/api/search?q=${encodeURIComponent(q)}`);
        expect([res.status, res.body.code]).toEqual([400, code]);
      }
      await as('viewer').get('/api/search').expect(400);
    });

    it('reads operators, quotes and backslashes around words as text', async () => {
      for (const q of [
        `"economia`,
        `economia & | ! :* ( ) ' \\`,
        `'); DROP TABLE search_documents; --`,
        `<-> !!economia:*A`,
        `-economia`,
        `economia or or or`,
        `交通 & ' "`,
      ]) {
        const res = await as('viewer').get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
      }
    });

    it('pages through the results with the first page’s counts, and counts only when asked', async () => {
      for (const n of [1, 2, 3]) await published({ title: `Capybara study ${n}` });
      const first = await search('officer', 'capybara', '&limit=2');
      expect(first.items).toHaveLength(2);
      expect(first.total).toBe(3);
      const second = await search('officer', 'capybara', `&limit=2&cursor=${first.nextCursor}`);
      expect([second.facets, second.total]).toEqual([null, null]);
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      expect(second.items.map((i) => i.id)).not.toContain(first.items[0].id);
      const bare = await search('officer', 'capybara', '&limit=2&facets=false');
      expect([bare.facets, bare.total, bare.items]).toEqual([null, null, first.items]);
    });

    it('refuses a bad filter or a cursor of another search', async () => {
      await as('viewer').get('/api/search?q=plan&kind=nope').expect(400);
      await as('viewer').get('/api/search?q=plan&from=2026-13-01').expect(400);
      await as('viewer').get('/api/search?q=plan&pairingId=nope').expect(400);
      const res = await as('viewer').get('/api/search?q=plan&cursor=20.a.AAAAAAAAAA');
      expect([res.status, res.body.code]).toEqual([400, 'search.bad_cursor']);
    });
  });

  describe('plans, messages and files', () => {
    const actor = (who: CastMember): Actor => ({
      userId: a.userIds[who],
      email: `${who}@search.test`,
      name: who,
      programmeRole: null,
      sessionTokenHash: '',
      via: 'bearer',
    });
    let general: ChannelDto;
    let euTeam: ChannelDto;

    beforeAll(async () => {
      const discussions = t.app.get(DiscussionsService);
      const channels = await discussions.listChannels(actor('coordinator'), a.pairing.pairingId);
      general = channels.find((c) => c.kind === 'general')!;
      euTeam = channels.find((c) => c.kind === 'city' && c.side === 'eu')!;
    });

    const send = async (channel: ChannelDto, body: string) => {
      const discussions = t.app.get(DiscussionsService);
      const who = actor('coordinator');
      return discussions.send(who, await discussions.authorize(who, channel.id), { body });
    };

    it("finds a plan's section and action where they are, for the pairing only", async () => {
      const doc = new Y.Doc();
      writeSectionText(doc, 'vision', 'Bicycle superhighways link every neighbourhood by 2030.');
      addAction(doc, { id: 'act-1', title: 'Build the superhighway to the harbour' });
      // What the projector writes after an edit, and the event it publishes.
      await writeProjection(t.dataSource.manager, a.plans.euPlanId, readPlanContent(doc));
      await t.app.get(EventBus).publish('plan.text-changed', { planId: a.plans.euPlanId });
      const found = await search('partner', 'superhighways');
      expect(found.items.map((i) => [i.kind, i.url])).toEqual(
        expect.arrayContaining([
          ['plan-section', `/plans/${a.plans.euPlanId}?section=vision`],
          ['action', `/plans/${a.plans.euPlanId}?action=act-1`],
        ]),
      );
      expect(found.items.find((i) => i.kind === 'plan-section')!.snippet).toContain(
        '<mark>superhighways</mark>',
      );
      expect((await search('b.coordinator', 'superhighways')).total).toBe(0);
    });

    it("finds a new message at once, for its channel's readers only", async () => {
      const message = await send(general, 'The quokka census starts on Monday.');
      // A message has no language: every language's stemming finds it.
      const inSpanish = await send(general, 'Los desarrollos del barrio de los wombats.');
      expect((await ids('viewer', 'desarrollo wombat'))[0]).toBe(inSpanish.id);
      const secret = await send(euTeam, 'Our quokka budget, between us.');
      const forPairing = await search('viewer', 'quokka');
      expect(forPairing.items.map((i) => i.id)).toEqual([message.id]);
      expect(forPairing.items[0]).toMatchObject({
        kind: 'message',
        url: `/pairings/${a.pairing.pairingId}/discussions/${general.id}?message=${message.id}`,
        snippet: 'The <mark>quokka</mark> census starts on Monday.',
      });
      expect((await ids('editor', 'quokka')).sort()).toEqual([message.id, secret.id].sort());
      expect((await ids('officer', 'quokka')).sort()).toEqual([message.id, secret.id].sort());
      for (const who of ['b.coordinator', 'outsider'] as const) {
        const result = await search(who, 'quokka');
        expect([result.total, Object.values(result.facets!).flat()]).toEqual([0, []]);
      }
    });

    it('finds a word that is only inside an uploaded PDF, on its page', async () => {
      const bytes = await makePdf(['Annual report', 'Page two mentions the axolotl wetland.']);
      const uploadId = await new Promise<string>((resolve, reject) => {
        const up = new tus.Upload(bytes, {
          endpoint: `${t.url}/api/uploads`,
          headers: { Authorization: `Bearer ${token('coordinator')}` },
          metadata: { filename: 'report.pdf', filetype: 'application/pdf' },
          retryDelays: [],
          onSuccess: () => resolve((up.url ?? '').split('/').pop() as string),
          onError: reject,
        });
        up.start();
      });
      const item = await published({ title: 'Wetland report', uploadIds: [uploadId] });
      const hit = await eventually(
        async () => (await search('outsider', 'axolotl')).items,
        (items) => items.length > 0,
        'the PDF to be read and indexed',
        60_000,
      );
      expect(hit).toEqual([
        expect.objectContaining({
          kind: 'file',
          title: 'report.pdf',
          context: 'Wetland report',
          url: `/library/${item.id}?file=${item.files[0].id}&page=2`,
        }),
      ]);
      expect(hit[0].snippet).toContain('<mark>axolotl</mark> wetland');
    });
  });

  it('slows a person who searches too fast, then tells them to wait; others are not slowed', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => as('b.editor').get('/api/search?q=plan')),
    );
    const statuses = answers.map((r) => r.status);
    // 20 at once, about 10 more within the 2 s a search may wait, the rest told to come back.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(29);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const refused = answers.find((r) => r.status === 429)!;
    expect([refused.body.code, Number(refused.headers['retry-after'])]).toEqual([
      'search.too_fast',
      expect.any(Number),
    ]);
    expect(performance.now() - started).toBeGreaterThan(1_000);
    await as('b.partner').get('/api/search?q=plan').expect(200);
  });
});
