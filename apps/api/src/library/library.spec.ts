import request from 'supertest';
import type {
  NotificationListDto,
  ResourceDto,
  ResourceListDto,
  ResourceRevisionDto,
  ResourceSummaryDto,
} from '@iuc/domain';
import {
  completeAction,
  projectActions,
  setUpPlanCast,
  type CastMember,
  type PlanCast,
} from '../test/plan-fixture.js';
import { EventBus } from '../events/event-bus.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

/** The library's routes against the real platform: two pairings' people, an officer, an outsider. */
describe('library', () => {
  let t: TestApp;
  /** Pairing A (the items' authors) and pairing B (another pairing's members). */
  let a: PlanCast;
  let b: PlanCast;

  beforeAll(async () => {
    t = await startTestApp();
    a = await setUpPlanCast(t);
    b = await setUpPlanCast(t);
    t.app.get(EventBus).subscribe('resource.changed', ({ payload }) => {
      changed.push(payload.resourceId);
    });
  });
  afterAll(() => t.close());
  /** The ids of 'resource.changed' events, in order (search will reindex on them). */
  const changed: string[] = [];

  type Who = CastMember | `b.${CastMember}`;
  const token = (who: Who) =>
    who.startsWith('b.') ? b.tokens[who.slice(2) as CastMember] : a.tokens[who as CastMember];
  const as = (who: Who) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token(who)}`);
    return {
      get: (path: string) => auth(request(t.url).get(path)),
      post: (path: string, body: object = {}) => auth(request(t.url).post(path)).send(body),
      patch: (path: string, body: object) => auth(request(t.url).patch(path)).send(body),
      delete: (path: string) => auth(request(t.url).delete(path)),
    };
  };

  const practice = (over: object = {}) => ({
    kind: 'good_practice',
    title: 'Circular procurement for public works',
    summary: 'Recycled aggregates required in every road tender.',
    problem: 'Construction waste went to landfill.',
    approach: 'Tender criteria reward recycled content.',
    lessons: 'The first tender failed: suppliers needed a year to prepare.',
    links: ['https://example.org/report'],
    language: 'en',
    themes: ['circular-economy'],
    sdgs: [11, 12],
    agendas: ['new-urban-agenda'],
    scope: { level: 'programme' },
    ...over,
  });
  const create = async (who: Who, over: object = {}): Promise<ResourceDto> =>
    (await as(who).post('/api/resources', practice(over)).expect(201)).body;
  const list = async (who: Who, query = ''): Promise<ResourceListDto> =>
    (await as(who).get(`/api/resources${query}`).expect(200)).body;
  const listedIds = async (who: Who, query = '') => (await list(who, query)).items.map((i) => i.id);
  const review = (who: Who, id: string, body: object) =>
    as(who).post(`/api/resources/${id}/review`, body);
  const notifications = async (who: Who) =>
    ((await as(who).get('/api/notifications').expect(200)).body as NotificationListDto).items;

  describe('a programme-wide good practice', () => {
    let item: ResourceDto;

    beforeAll(async () => {
      item = await create('coordinator');
    });

    it('starts submitted with a submit step, tagged with its author’s city', () => {
      expect(item).toMatchObject({
        kind: 'good_practice',
        title: 'Circular procurement for public works',
        status: 'submitted',
        scope: { level: 'programme', pairingId: null, authorityId: null },
        themes: ['circular-economy'],
        sdgs: [11, 12],
        agendas: ['new-urban-agenda'],
        links: ['https://example.org/report'],
        city: { id: a.pairing.euAuthorityId, countryCode: 'IT', region: 'europe' },
        // Names come from auth's UsersService (the library reads no users table).
        author: { id: a.userIds.coordinator, name: 'coordinator person' },
        files: [],
        rights: { edit: true, delete: true, review: false, feature: false },
        deletedAt: null,
        publishedAt: null,
      });
      expect(item.reviews).toEqual([
        expect.objectContaining({
          action: 'submit',
          status: 'submitted',
          comment: null,
          actor: { id: a.userIds.coordinator, name: 'coordinator person' },
        }),
      ]);
    });

    it('is seen before publication by its author and programme staff only (404 for the others)', async () => {
      await as('officer').get(`/api/resources/${item.id}`).expect(200);
      for (const who of ['b.coordinator', 'outsider', 'viewer'] as const) {
        await as(who).get(`/api/resources/${item.id}`).expect(404);
        expect(await listedIds(who)).not.toContain(item.id);
      }
      expect(await listedIds('coordinator')).toContain(item.id);
      expect(await listedIds('officer')).toContain(item.id);
    });

    it('waits in the officers’ review queue; others may not see the queue', async () => {
      const queue: ResourceSummaryDto[] = (
        await as('officer').get('/api/resources/review-queue').expect(200)
      ).body;
      expect(queue.map((i) => i.id)).toContain(item.id);
      await as('coordinator').get('/api/resources/review-queue').expect(403);
    });

    it('tells programme staff of the submission', async () => {
      const told = (await notifications('officer')).filter(
        (n) => n.kind === 'resource-review' && n.resourceId === item.id,
      );
      expect(told).toEqual([
        expect.objectContaining({
          status: 'submitted',
          pairingId: null,
          resourceTitle: item.title,
        }),
      ]);
    });

    it('goes back and forth: changes requested (with a comment, to the author), resubmitted by an edit', async () => {
      const bare = await review('officer', item.id, { action: 'request-changes' }).expect(400);
      expect(bare.body.code).toBe('resource.comment_required');
      await review('coordinator', item.id, { action: 'publish' }).expect(403);
      const asked = await review('officer', item.id, {
        action: 'request-changes',
        comment: 'Add the tender figures, please.',
      }).expect(200);
      expect(asked.body.status).toBe('changes_requested');
      expect(
        (await notifications('coordinator')).find(
          (n) => n.kind === 'resource-review' && n.status === 'changes_requested',
        ),
      ).toMatchObject({ resourceId: item.id, excerpt: 'Add the tender figures, please.' });

      const again = await as('coordinator')
        .patch(`/api/resources/${item.id}`, { results: 'Recycled content rose from 5 % to 40 %.' })
        .expect(200);
      expect(again.body.status).toBe('submitted');
      expect((again.body as ResourceDto).reviews.map((r) => r.action)).toEqual([
        'submit',
        'request-changes',
        'submit',
      ]);
    });

    it('is visible to everyone once an officer publishes it, and the author is told', async () => {
      const published = await review('officer', item.id, { action: 'publish' }).expect(200);
      expect(published.body).toMatchObject({
        status: 'published',
        publishedAt: expect.any(String),
      });
      for (const who of ['b.coordinator', 'outsider', 'viewer'] as const) {
        await as(who).get(`/api/resources/${item.id}`).expect(200);
        expect(await listedIds(who)).toContain(item.id);
      }
      expect(
        (await notifications('coordinator')).find(
          (n) => n.kind === 'resource-review' && n.status === 'published',
        ),
      ).toMatchObject({ resourceId: item.id });
      const twice = await review('officer', item.id, { action: 'publish' }).expect(409);
      expect(twice.body.code).toBe('resource.not_submitted');
    });

    it('can be featured by an officer once published, and filtered by it', async () => {
      await as('coordinator')
        .post(`/api/resources/${item.id}/feature`, { featured: true })
        .expect(403);
      const featured = await as('officer')
        .post(`/api/resources/${item.id}/feature`, { featured: true })
        .expect(200);
      expect(featured.body.featured).toBe(true);
      expect(await listedIds('outsider', '?featured=true')).toEqual([item.id]);
    });
  });

  it('rejects with a reason, which the author reads', async () => {
    const item = await create('editor', { title: 'A brochure, not a practice' });
    const rejected = await review('officer', item.id, {
      action: 'reject',
      comment: 'This is advertising.',
    }).expect(200);
    expect(rejected.body.status).toBe('rejected');
    expect(
      (await notifications('editor')).find(
        (n) => n.kind === 'resource-review' && n.status === 'rejected',
      ),
    ).toMatchObject({ resourceId: item.id, excerpt: 'This is advertising.' });
    await as('b.coordinator').get(`/api/resources/${item.id}`).expect(404);
  });

  describe('a pairing-only item', () => {
    let item: ResourceDto;

    beforeAll(async () => {
      item = await create('coordinator', {
        kind: 'dataset',
        title: 'Pairing-only traffic counts',
        language: 'it',
        scope: { level: 'pairing', pairingId: a.pairing.pairingId },
      });
    });

    it('is shared at once with the pairing and programme staff', async () => {
      expect(item.status).toBe('shared');
      expect(item.reviews).toEqual([]);
      for (const who of ['viewer', 'partner', 'officer'] as const) {
        await as(who).get(`/api/resources/${item.id}`).expect(200);
        expect(await listedIds(who)).toContain(item.id);
      }
    });

    it("never reaches another pairing's member: not by id, not in lists, not in facet counts", async () => {
      for (const who of ['b.coordinator', 'outsider'] as const) {
        const res = await as(who).get(`/api/resources/${item.id}`).expect(404);
        expect(res.body.code).toBe('not_found');
        await as(who).get(`/api/resources/${item.id}/revisions`).expect(404);
        await as(who).get(`/api/resources/${item.id}/citations`).expect(404);
        const { items, facets } = await list(who);
        expect(items.map((i) => i.id)).not.toContain(item.id);
        expect(facets?.kind.find((k) => k.value === 'dataset')).toBeUndefined();
        expect(facets?.language.find((k) => k.value === 'it')).toBeUndefined();
        expect(await listedIds(who, '?kind=dataset')).toEqual([]);
      }
      const own = await list('viewer', '?kind=dataset');
      expect(own.facets?.kind.find((k) => k.value === 'dataset')).toEqual({
        value: 'dataset',
        count: 1,
      });
    });

    it("may be placed only in the author's own pairing", async () => {
      const res = await as('coordinator')
        .post(
          '/api/resources',
          practice({ scope: { level: 'pairing', pairingId: b.pairing.pairingId } }),
        )
        .expect(400);
      expect(res.body.code).toBe('resource.scope_not_member');
    });
  });

  describe('a city-side item', () => {
    let item: ResourceDto;

    beforeAll(async () => {
      item = await create('editor', {
        kind: 'case_study',
        title: 'Draft: our side only',
        scope: {
          level: 'side',
          pairingId: a.pairing.pairingId,
          authorityId: a.pairing.euAuthorityId,
        },
      });
    });

    it("is the city team's only: the partner city, a viewer of the whole pairing and staff get 404", async () => {
      expect(item.status).toBe('shared');
      await as('coordinator').get(`/api/resources/${item.id}`).expect(200);
      expect(await listedIds('coordinator')).toContain(item.id);
      for (const who of ['partner', 'viewer', 'officer', 'b.coordinator'] as const) {
        await as(who).get(`/api/resources/${item.id}`).expect(404);
        expect(await listedIds(who)).not.toContain(item.id);
      }
    });

    it("may be placed only on the author's own city side", async () => {
      const res = await as('coordinator')
        .post(
          '/api/resources',
          practice({
            scope: {
              level: 'side',
              pairingId: a.pairing.pairingId,
              authorityId: a.pairing.partnerAuthorityId,
            },
          }),
        )
        .expect(400);
      expect(res.body.code).toBe('resource.scope_not_member');
    });
  });

  describe('bad bodies', () => {
    it.each([
      ['an unknown theme', { themes: ['gardening'] }],
      ['an SDG out of range', { sdgs: [18] }],
      ['a link that is no http(s) URL', { links: ['javascript:alert(1)'] }],
      ['a title too long', { title: 'x'.repeat(201) }],
      ['an unknown field', { secret: true }],
      ['an unknown language', { language: 'xx' }],
      ['a scope without a level', { scope: {} }],
      [
        'a programme scope with a pairing',
        { scope: { level: 'programme', pairingId: '00000000-0000-4000-8000-000000000000' } },
      ],
      ['a pairing scope without its pairing', { scope: { level: 'pairing' } }],
    ])('refuse %s with 400 and create nothing', async (_what, over) => {
      const before = (await list('officer')).items.length;
      const res = await as('coordinator').post('/api/resources', practice(over)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String) });
      expect((await list('officer')).items.length).toBe(before);
    });

    it('change nothing on a bad PATCH', async () => {
      const item = await create('coordinator', { title: 'Unchanged by bad edits' });
      await as('coordinator')
        .patch(`/api/resources/${item.id}`, { title: 'Renamed', sdgs: [0] })
        .expect(400);
      const after: ResourceDto = (
        await as('coordinator').get(`/api/resources/${item.id}`).expect(200)
      ).body;
      expect(after.title).toBe('Unchanged by bad edits');
      expect(after.updatedAt).toBe(item.updatedAt);
    });
  });

  describe('editing', () => {
    it('records each change as a revision, and refuses a stale edit with 409', async () => {
      // On the EU side: the city's editor may edit what its coordinator wrote.
      const item = await create('coordinator', {
        title: 'Before',
        scope: {
          level: 'side',
          pairingId: a.pairing.pairingId,
          authorityId: a.pairing.euAuthorityId,
        },
      });
      const edited: ResourceDto = (
        await as('editor')
          .patch(`/api/resources/${item.id}`, {
            title: 'After',
            themes: ['circular-economy', 'housing'],
            baseUpdatedAt: item.updatedAt,
          })
          .expect(200)
      ).body;
      expect(edited.title).toBe('After');
      const revisions: ResourceRevisionDto[] = (
        await as('coordinator').get(`/api/resources/${item.id}/revisions`).expect(200)
      ).body;
      expect(revisions).toEqual([
        {
          id: expect.any(String),
          actor: { id: a.userIds.editor, name: 'editor person' },
          at: expect.any(String),
          changes: [
            { field: 'title', before: 'Before', after: 'After' },
            {
              field: 'themes',
              before: ['circular-economy'],
              after: ['circular-economy', 'housing'],
            },
          ],
        },
      ]);
      const stale = await as('coordinator')
        .patch(`/api/resources/${item.id}`, { title: 'Lost update', baseUpdatedAt: item.updatedAt })
        .expect(409);
      expect(stale.body.code).toBe('resource.stale_edit');
      const now: ResourceDto = (
        await as('coordinator').get(`/api/resources/${item.id}`).expect(200)
      ).body;
      expect(now.title).toBe('After');
      // Moving it is the author's call, not a colleague's.
      await as('editor')
        .patch(`/api/resources/${item.id}`, { scope: { level: 'programme' } })
        .expect(403);
      // The partner city may not even know of it.
      await as('partner').patch(`/api/resources/${item.id}`, { title: 'No' }).expect(404);
    });

    it("lets a pairing item's readers read it, not edit it", async () => {
      const item = await create('coordinator', {
        title: 'Pairing item',
        scope: { level: 'pairing', pairingId: a.pairing.pairingId },
      });
      await as('viewer').patch(`/api/resources/${item.id}`, { title: 'No' }).expect(403);
      await as('partner').patch(`/api/resources/${item.id}`, { title: 'No' }).expect(403);
      await as('b.coordinator').patch(`/api/resources/${item.id}`, { title: 'No' }).expect(404);
    });

    it('moving a shared item to the programme submits it for review', async () => {
      const item = await create('coordinator', {
        title: 'From the pairing to everyone',
        scope: { level: 'pairing', pairingId: a.pairing.pairingId },
      });
      const moved: ResourceDto = (
        await as('coordinator')
          .patch(`/api/resources/${item.id}`, { scope: { level: 'programme' } })
          .expect(200)
      ).body;
      expect(moved).toMatchObject({ status: 'submitted', scope: { level: 'programme' } });
      expect(moved.reviews.map((r) => r.action)).toEqual(['submit']);
    });
  });

  it("publishes 'resource.changed' on create, edit, review, delete and restore", async () => {
    const item = await create('coordinator', { title: 'Watched' });
    await as('coordinator')
      .patch(`/api/resources/${item.id}`, { title: 'Watched closely' })
      .expect(200);
    await review('officer', item.id, { action: 'publish' }).expect(200);
    await as('coordinator').delete(`/api/resources/${item.id}`).expect(204);
    await as('coordinator').post(`/api/resources/${item.id}/restore`).expect(200);
    expect(changed.filter((id) => id === item.id)).toHaveLength(5);
  });

  describe('the trash', () => {
    it('deleting hides the item; its author restores it; after 30 days it cannot be restored and is purged', async () => {
      const item = await create('coordinator', {
        title: 'To the trash',
        scope: { level: 'pairing', pairingId: a.pairing.pairingId },
      });
      await as('viewer').delete(`/api/resources/${item.id}`).expect(403);
      await as('coordinator').delete(`/api/resources/${item.id}`).expect(204);
      await as('viewer').get(`/api/resources/${item.id}`).expect(404);
      expect(await listedIds('coordinator')).not.toContain(item.id);
      const trash: ResourceSummaryDto[] = (
        await as('coordinator').get('/api/resources/trash').expect(200)
      ).body;
      expect(trash.map((i) => i.id)).toContain(item.id);
      expect(
        (
          (await as('editor').get('/api/resources/trash').expect(200)).body as ResourceSummaryDto[]
        ).map((i) => i.id),
      ).not.toContain(item.id);
      await as('editor').post(`/api/resources/${item.id}/restore`).expect(404);

      const restored = await as('coordinator')
        .post(`/api/resources/${item.id}/restore`)
        .expect(200);
      expect(restored.body.deletedAt).toBeNull();
      await as('viewer').get(`/api/resources/${item.id}`).expect(200);
      await as('coordinator').post(`/api/resources/${item.id}/restore`).expect(409);

      await as('coordinator').delete(`/api/resources/${item.id}`).expect(204);
      await t.dataSource.query(
        "UPDATE resources SET deleted_at = now() - interval '31 days' WHERE id = $1",
        [item.id],
      );
      const late = await as('officer').post(`/api/resources/${item.id}/restore`).expect(409);
      expect(late.body.code).toBe('resource.trash_expired');
      const { ResourceTrashService } = await import('./trash/resource-trash.service.js');
      expect(await t.app.get(ResourceTrashService).purgeExpired()).toBe(1);
      await as('officer').get(`/api/resources/${item.id}`).expect(404);
    });
  });

  describe('citations', () => {
    it('lists the plan actions inspired by an item, of the plans the caller may read only', async () => {
      const item = await create('coordinator', { title: 'Cited practice' });
      await review('officer', item.id, { action: 'publish' }).expect(200);
      await projectActions(t.dataSource, a.plans.euPlanId, [
        completeAction('a1', { title: 'Recycled asphalt pilot', inspiredBy: [item.id] }),
        completeAction('a2', { title: 'Unrelated' }),
      ]);
      await projectActions(t.dataSource, b.plans.partnerPlanId, [
        completeAction('b1', { title: 'Tender criteria', inspiredBy: [item.id, 'not-a-uuid'] }),
      ]);
      const citing = async (who: Who) =>
        (
          (await as(who).get(`/api/resources/${item.id}/citations`).expect(200)).body as {
            actionTitle: string;
          }[]
        ).map((c) => c.actionTitle);
      expect(
        (await as('viewer').get(`/api/resources/${item.id}/citations`).expect(200)).body,
      ).toEqual([
        {
          planId: a.plans.euPlanId,
          pairingId: a.pairing.pairingId,
          planTitle: expect.any(String),
          actionId: 'a1',
          actionTitle: 'Recycled asphalt pilot',
        },
      ]);
      expect(await citing('b.viewer')).toEqual(['Tender criteria']);
      expect((await citing('officer')).sort()).toEqual([
        'Recycled asphalt pilot',
        'Tender criteria',
      ]);
      expect(await citing('outsider')).toEqual([]);
    });
  });

  describe('browsing', () => {
    let ids: string[];

    beforeAll(async () => {
      ids = [];
      for (const [n, language, themes] of [
        [1, 'es', ['housing']],
        [2, 'es', ['housing', 'culture']],
        [3, 'ja', ['culture']],
      ] as const) {
        const item = await create('b.coordinator', {
          kind: 'toolkit',
          title: `Toolkit ${n} for browsing`,
          summary: n === 3 ? 'Mentions a zebra crossing.' : 'Plain.',
          language,
          themes,
          scope: { level: 'pairing', pairingId: b.pairing.pairingId },
        });
        ids.push(item.id);
      }
    });

    it('counts facets over what the caller may see, each facet under the other filters', async () => {
      const { facets } = await list('b.viewer', '?kind=toolkit&language=es');
      expect(facets?.kind).toContainEqual({ value: 'toolkit', count: 2 });
      expect(facets?.language).toEqual(
        expect.arrayContaining([
          { value: 'es', count: 2 },
          { value: 'ja', count: 1 },
        ]),
      );
      expect(facets?.theme).toEqual([
        { value: 'housing', count: 2 },
        { value: 'culture', count: 1 },
      ]);
      expect(facets?.country).toContainEqual({ value: 'IT', count: 2 });
      expect(facets?.city[0]).toMatchObject({
        value: b.pairing.euAuthorityId,
        count: 2,
        label: expect.any(String),
      });
      expect(
        (await list('b.viewer', '?kind=toolkit&theme=culture')).items.map((i) => i.id).sort(),
      ).toEqual([ids[1], ids[2]].sort());
      expect(await listedIds('b.viewer', '?kind=toolkit&country=br')).toEqual([]);
      expect((await listedIds('b.viewer', '?kind=toolkit&region=europe')).length).toBe(3);
    });

    it('pages with a cursor, newest first, without gaps or repeats', async () => {
      const first = await list('b.viewer', '?kind=toolkit&limit=2');
      expect(first.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
      expect(first.facets).not.toBeNull();
      const second = await list('b.viewer', `?kind=toolkit&limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((i) => i.id)).toEqual([ids[0]]);
      expect(second.nextCursor).toBeNull();
      expect(second.facets).toBeNull();
      const bad = await as('b.viewer').get('/api/resources?cursor=nonsense').expect(400);
      expect(bad.body.code).toBe('resource.bad_cursor');
    });

    it('finds words in the title or summary; relevance ranks title matches first', async () => {
      expect(await listedIds('b.viewer', '?q=zebra')).toEqual([ids[2]]);
      const ranked = await listedIds('b.viewer', '?kind=toolkit&q=toolkit%201&sort=relevance');
      expect(ranked).toEqual([ids[0]]);
      const byTitle = await list('b.viewer', '?kind=toolkit&q=Toolkit&sort=relevance&limit=1');
      expect(byTitle.nextCursor).not.toBeNull();
      const rest = await list(
        'b.viewer',
        `?kind=toolkit&q=Toolkit&sort=relevance&limit=5&cursor=${byTitle.nextCursor}`,
      );
      expect([...byTitle.items, ...rest.items].map((i) => i.id)).toEqual([ids[2], ids[1], ids[0]]);
    });

    it('refuses bad filters with 400', async () => {
      for (const q of ['?sdg=18', '?kind=novel', '?country=XX1', '?limit=1000', '?featured=maybe'])
        await as('b.viewer').get(`/api/resources${q}`).expect(400);
    });
  });
});
