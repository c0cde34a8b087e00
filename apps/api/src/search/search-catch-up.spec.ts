/**
 * The index survives a restart, and a change whose indexing a crash lost (committed, its event
 * never handled) is found again by the next start's catch-up.
 */
import request from 'supertest';
import type { ResourceDto, SearchResponseDto } from '@iuc/domain';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { setUpPlanCast, type PlanCast } from '../test/plan-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { SearchIndexer } from './search-indexer.js';
import { SearchReindexer } from './search-reindexer.js';

describe('search across a restart', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: PlanCast;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({}, { database: db });
    a = await setUpPlanCast(t);
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  const search = async (q: string): Promise<string[]> => {
    await t.app.get(SearchIndexer).settled();
    const res = await request(t.url)
      .get(`/api/search?q=${encodeURIComponent(q)}`)
      .set('Authorization', `Bearer ${a.tokens.editor}`)
      .expect(200);
    return (res.body as SearchResponseDto).items.map((i) => i.id);
  };

  it('keeps what it indexed, and catches up with a change a crash kept from it', async () => {
    const item: ResourceDto = (
      await request(t.url)
        .post('/api/resources')
        .set('Authorization', `Bearer ${a.tokens.coordinator}`)
        .send({
          kind: 'toolkit',
          title: 'Heat wave toolkit',
          summary: 'Cooling centres for the ocelot district.',
          language: 'en',
          themes: ['air-quality'],
          sdgs: [13],
          scope: { level: 'pairing', pairingId: a.pairing.pairingId },
        })
        .expect(201)
    ).body;
    expect(await search('ocelot')).toEqual([item.id]);

    // A change committed, whose event the crash swallowed: the index never heard of it.
    await t.dataSource.query(
      `UPDATE resources SET summary = 'Cooling centres for the pangolin district.', updated_at = now() WHERE id = $1`,
      [item.id],
    );
    expect(await search('pangolin')).toEqual([]);
    await t.close();

    t = await startTestApp({}, { database: db });
    await t.app.get(SearchReindexer).started;
    expect(await search('pangolin')).toEqual([item.id]);
    expect(await search('ocelot')).toEqual([]);
  });
});
