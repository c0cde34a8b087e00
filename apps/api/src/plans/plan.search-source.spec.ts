import * as Y from 'yjs';
import { searchUrls } from '@iuc/domain';
import { SearchSources } from '../search/search-sources.js';
import { insertPairing, type PairingFixture } from '../test/pairing-fixture.js';
import {
  addAction,
  completeAction,
  insertPlans,
  writeSection,
  type PlanFixture,
} from '../test/plan-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { readPlanContent } from './documents/plan-content.js';
import { writeProjection } from './projection/plan-projection.repository.js';
import { PlanSearchSource } from './plan.search-source.js';

describe('plans as search documents', () => {
  let t: TestApp;
  let source: PlanSearchSource;
  let pairing: PairingFixture;
  let plans: PlanFixture;
  let doc: Y.Doc;

  /** Projects the EU plan's document as the projector does after an edit. */
  const project = () => writeProjection(t.dataSource.manager, plans.euPlanId, readPlanContent(doc));

  beforeAll(async () => {
    t = await startTestApp();
    source = t.app.get(PlanSearchSource);
    pairing = await insertPairing(t.dataSource);
    plans = await insertPlans(t.dataSource, pairing);
    doc = new Y.Doc();
    writeSection(doc, 'vision', 'A city where children cycle to school.');
    writeSection(doc, 'context', 'Traffic grew by a third since 2015.');
    writeSection(doc, 'needs', '   ');
    addAction(
      doc,
      completeAction('a1', { themes: ['urban-mobility'], sdgs: [11, 3], title: 'Bike lanes' }),
    );
    addAction(doc, completeAction('a2', { title: '', type: 'strategic', themes: [], sdgs: [] }));
    await project();
  }, 60_000);
  afterAll(() => {
    doc.destroy();
    return t.close();
  });

  it('registers itself for the subject "plan"', () => {
    expect(t.app.get(SearchSources).get('plan')).toBe(source);
  });

  it('yields one document per written section and one per action, for the whole pairing', async () => {
    const docs = (await source.documentsOf([plans.euPlanId])).get(plans.euPlanId)!;
    const city = pairing.title.split(' – ')[0];
    const planTitle = `Local Action Plan — ${city}`;
    expect(docs.map((d) => [d.kind, d.id])).toEqual([
      ['plan-section', `${plans.euPlanId}:context`],
      ['plan-section', `${plans.euPlanId}:vision`],
      ['action', `${plans.euPlanId}:a1`],
      ['action', `${plans.euPlanId}:a2`],
    ]);
    const [, vision, bikeLanes, untitled] = docs;
    const projectedAt: { updated_at: Date }[] = await t.dataSource.query(
      'SELECT updated_at FROM plan_projections WHERE plan_id = $1',
      [plans.euPlanId],
    );
    expect(vision).toEqual({
      kind: 'plan-section',
      id: `${plans.euPlanId}:vision`,
      title: `${planTitle} · 3. Vision and objectives`,
      summary: '',
      body: 'A city where children cycle to school.',
      language: 'en',
      audience: 'pairing',
      pairingIds: [pairing.pairingId],
      side: null,
      authorityId: pairing.euAuthorityId,
      authorId: null,
      themes: [],
      sdgs: [],
      country: 'IT',
      date: projectedAt[0].updated_at,
      url: searchUrls.planSection(plans.euPlanId, 'vision'),
      context: planTitle,
    });
    expect(bikeLanes).toEqual(
      expect.objectContaining({
        title: 'Bike lanes',
        summary: 'Safer cycling to school',
        body: 'Pilot project\nMobility department\nLane built',
        themes: ['urban-mobility'],
        sdgs: [11, 3],
        audience: 'pairing',
        pairingIds: [pairing.pairingId],
        url: searchUrls.action(plans.euPlanId, 'a1'),
        context: planTitle,
      }),
    );
    expect(untitled.title).toBe('Untitled action');
    expect(untitled.body).toMatch(/^Strategic/);
  });

  it("titles in the plan's language, and a removed action leaves", async () => {
    await t.dataSource.query("UPDATE plans SET language = 'es' WHERE id = $1", [plans.euPlanId]);
    doc.getArray('actions').delete(1, 1);
    await project();
    const docs = (await source.documentsOf([plans.euPlanId])).get(plans.euPlanId)!;
    expect(docs.map((d) => d.id)).not.toContain(`${plans.euPlanId}:a2`);
    const vision = docs.find((d) => d.id.endsWith(':vision'))!;
    expect(vision.title).toMatch(/^Plan de Acción Local — .+ · 3\. Visión y objetivos$/);
    expect(vision.language).toBe('es');
    expect(docs.find((d) => d.kind === 'action')!.body).toMatch(/^Proyecto piloto/);
    await t.dataSource.query("UPDATE plans SET language = 'en' WHERE id = $1", [plans.euPlanId]);
  });

  it('a plan never projected yields nothing; unknown ids are left out', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const docs = await source.documentsOf([plans.partnerPlanId, unknown, 'nope']);
    expect(docs.get(plans.partnerPlanId)).toEqual([]);
    expect([...docs.keys()]).toEqual([plans.partnerPlanId]);
  });

  it('lists every plan once, in id order, page by page', async () => {
    const rows: { id: string }[] = await t.dataSource.query('SELECT id FROM plans ORDER BY id');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    for (let page = await source.subjectIds(null, 1); page.length;) {
      seen.push(...page);
      page = await source.subjectIds(page[page.length - 1], 1);
    }
    expect(seen).toEqual(rows.map((r) => r.id));
  });
});
