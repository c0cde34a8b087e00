/**
 * A writer's update that decodes but cannot be applied (issue 21: it was stored and relayed, and
 * the plan's page, export and submission answered 500 from then on, across restarts) is refused:
 * its sender is closed with 4400, nothing is stored or relayed, and the plan keeps working.
 */
import * as Y from 'yjs';
import { sectionFragmentName } from '@iuc/domain';
import {
  connectProvider,
  rawSocket,
  synced,
  waitFor,
  type CollabClient,
} from '../../test/collab-clients.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { actingAs, setUpPlanCast, type PlanCast } from '../../test/plan-fixture.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/** The tester's frame: sync update (00 02), 80 bytes whose third struct's parent is its own future. */
const HOSTILE_FRAME = Buffer.from(
  '000250' +
    '01054d0007010f73656374696f6e3a636f6e74657874030970617261677261706807004d000604004d7f0b68656c6c6f20776f726c64070107616374696f6e730128004d0d057469746c650177017800',
  'hex',
);
const HOSTILE_CLIENT = 0x4d;

describe('a writer sends an update that decodes but does not apply', () => {
  let db: TestDatabase;
  let t: TestApp;
  let cast: PlanCast;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({}, { database: db });
    cast = await setUpPlanCast(t);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.close();
    await db.drop();
  });

  const docName = () => `plan.${cast.plans.euPlanId}`;
  const client = async (who: 'coordinator' | 'editor') => {
    const c = connectProvider(t.url, docName(), cast.tokens[who]);
    clients.push(c);
    await synced(c);
    return c;
  };
  const context = (c: CollabClient) => c.doc.getXmlFragment(sectionFragmentName('context'));
  const type = (c: CollabClient, words: string) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(words)]);
    context(c).push([paragraph]);
  };
  const storedRows = async () =>
    Number(
      (
        await t.dataSource.query('SELECT count(*) AS n FROM collab_updates WHERE doc_name = $1', [
          docName(),
        ])
      )[0].n,
    );
  const closedWithin = (closed: Promise<number>, ms: number) =>
    Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), ms))]);
  /** The plan's page and its export answer, with the export's text. */
  const planAnswers = async () => {
    const as = actingAs(t.url, cast.tokens.coordinator);
    await as.get(`/api/plans/${cast.plans.euPlanId}`).expect(200);
    const exported = await as.get(`/api/plans/${cast.plans.euPlanId}/export?format=md`).expect(200);
    return exported.text;
  };

  it('closes the sender with 4400, stores and relays nothing, and the plan still loads, exports and keeps edits across a restart', async () => {
    const writer = await client('coordinator');
    const witness = await client('editor');
    type(writer, 'Written before the attack.');
    await waitFor(
      () => context(witness).toString().includes('before the attack'),
      5_000,
      'first edit relayed',
    );
    const rowsBefore = await storedRows();

    const hostile = await rawSocket(t.url, docName(), cast.tokens.editor);
    hostile.ws.send(HOSTILE_FRAME);
    expect(await closedWithin(hostile.closed, 3_000)).toBe(4400);

    type(writer, 'Written after the attack.');
    // Relayed in order: had the hostile update been relayed, it would have arrived first.
    await waitFor(
      () => context(witness).toString().includes('after the attack'),
      5_000,
      'later edit relayed',
    );
    expect(witness.doc.store.clients.has(HOSTILE_CLIENT)).toBe(false);
    expect(await storedRows()).toBe(rowsBefore + 1);
    const exported = await planAnswers();
    expect(exported).toContain('Written after the attack.');

    // Reload: a restarted API builds the plan from what it stored.
    for (const c of clients.splice(0)) c.destroy();
    await t.close();
    t = await startTestApp({}, { database: db });
    expect(await planAnswers()).toContain('Written after the attack.');
    const reader = await client('editor');
    expect(context(reader).toString()).toContain('Written before the attack.');
    expect(context(reader).toString()).toContain('Written after the attack.');
  });
});
