/**
 * Property: no update a writer can send, however mangled, makes a stored plan fail to load.
 * Thousands of mutations of real plan edits (bit flips, inserted and deleted bytes, truncations,
 * splices of two updates, and forged structs: re-parented, re-ordered, with other contents) go
 * through the server's acceptance path (the update check, then the document's content); after
 * them the plan, as stored and as live, must build without skipping anything, be read by the
 * plan readers (projection, export and submission all read readPlanContent) and encoded, and a
 * client joining must be able to apply what it is sent.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import { PLAN_SECTION_KEYS, sectionFragmentName } from '@iuc/domain';
import type { AcceptedClocks } from '../../collab/accepted-clocks.js';
import { docFromStored, DocumentContent } from '../../collab/document-content.js';
import { ProtocolError } from '../../collab/protocol.js';
import { checkUpdate } from '../../collab/update-check.js';
import { encodeStructs } from '../../test/yjs-structs.js';
import { actionToYMap, readPlanContent, writeSectionText } from './plan-content.js';

/** A plan from the template with text in a few sections and two actions, as one stored snapshot. */
function basePlan(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 11;
  for (const key of PLAN_SECTION_KEYS.slice(0, 3))
    writeSectionText(doc, key, `${key}: first line\nsecond line`);
  const actions = doc.getArray('actions');
  actions.push([
    actionToYMap({
      id: 'a1',
      title: 'Bike lanes',
      funding: [{ source: 'EU', amount: 10, status: 'secured' }],
      indicators: [],
      sdgs: [11],
      themes: ['mobility'],
    }),
    actionToYMap({
      id: 'a2',
      title: 'Repair cafés',
      funding: [],
      indicators: [],
      sdgs: [12],
      themes: [],
    }),
  ]);
  return doc;
}

/** Valid edits a writer makes on top of the base plan: typing, formatting, actions, deletions. */
function edits(base: Uint8Array): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 22;
  Y.applyUpdate(doc, base);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const fragment = doc.getXmlFragment(sectionFragmentName('context'));
  const words = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  for (const ch of 'typed ') words.insert(0, ch);
  words.format(0, 5, { bold: true });
  words.delete(2, 3);
  const paragraph = new Y.XmlElement('heading');
  paragraph.setAttribute('level', '2');
  paragraph.insert(0, [new Y.XmlText('A heading')]);
  fragment.insert(1, [paragraph]);
  const actions = doc.getArray<Y.Map<unknown>>('actions');
  actions.get(0).set('title', 'Protected bike lanes');
  (actions.get(0).get('sdgs') as Y.Array<number>).push([3]);
  actions.push([
    actionToYMap({
      id: 'a3',
      title: 'Tree planting',
      funding: [],
      indicators: [],
      sdgs: [13],
      themes: [],
    }),
  ]);
  actions.delete(1, 1);
  doc.getXmlFragment(sectionFragmentName('vision')).delete(0, 1);
  updates.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(base)));
  return updates;
}

/** A valid edit by a writer who has only the base plan (applied after the mutants: must still work). */
function innocentEdit(base: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 33;
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  (
    (doc.getXmlFragment(sectionFragmentName('needs')).get(0) as Y.XmlElement).get(0) as Y.XmlText
  ).insert(0, 'innocent ');
  return Y.encodeStateAsUpdate(doc, before);
}

const base = Y.encodeStateAsUpdate(basePlan());
const valid = edits(base);
const innocent = innocentEdit(base);

const CLIENTS = [11, 22, 33, 77];
const arbId = fc
  .record({ client: fc.constantFrom(...CLIENTS), clock: fc.nat({ max: 400 }) })
  .map(({ client, clock }) => Y.createID(client, clock));
const arbContent = fc.constantFrom<() => unknown>(
  () => new Y.ContentType(new Y.XmlElement('paragraph')),
  () => new Y.ContentType(new Y.XmlText()),
  () => new Y.ContentType(new Y.XmlFragment()),
  () => new Y.ContentType(new Y.XmlHook('hook')),
  () => new Y.ContentType(new Y.Map()),
  () => new Y.ContentType(new Y.Array()),
  () => new Y.ContentType(new Y.Text()),
  () => new Y.ContentAny([null]),
  () => new Y.ContentAny([undefined]),
  () => new Y.ContentAny([]),
  () => new Y.ContentAny([{ title: 1 }, [2]]),
  () => new Y.ContentString(''),
  () => new Y.ContentString('x'),
  () => new Y.ContentDeleted(0),
  () => new Y.ContentDeleted(3),
  () => new Y.ContentFormat('bold', 'null'),
  () => new Y.ContentFormat('link', { href: 1 }),
  () => new Y.ContentEmbed({ image: 'x' }),
  () => new Y.ContentBinary(new Uint8Array([1])),
  () => new Y.ContentJSON([null]),
  () => new Y.ContentDoc(new Y.Doc()),
);

type Mutation = (u: Uint8Array) => Uint8Array;
const bytes = (u: Uint8Array, f: (a: number[]) => void) => {
  const a = [...u];
  f(a);
  return new Uint8Array(a);
};
const arbByteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 7 })).map(
    ([at, bit]) =>
      (u: Uint8Array) =>
        bytes(u, (a) => (a[at % a.length] ^= 1 << bit)),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 255 })).map(
    ([at, b]) =>
      (u: Uint8Array) =>
        bytes(u, (a) => a.splice(at % (a.length + 1), 0, b)),
  ),
  fc.nat().map((at) => (u: Uint8Array) => bytes(u, (a) => a.splice(at % a.length, 1))),
  fc.nat().map((len) => (u: Uint8Array) => u.slice(0, len % u.length)),
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([other, cutA, cutB]) => (u: Uint8Array) => {
    const v = valid[other % valid.length];
    return new Uint8Array([
      ...u.slice(0, cutA % (u.length + 1)),
      ...v.slice(cutB % (v.length + 1)),
    ]);
  }),
);

/** Changes struct `s` of a decoded update (`all`: the update's structs). */
type Forge = (s: Y.Item, all: readonly (Y.Item | Y.GC)[]) => void;
const arbForge: fc.Arbitrary<Forge> = fc.oneof(
  // Under another struct of the same update (e.g. one whose content became a type, below).
  fc
    .nat()
    .map(
      (at) => (s: Y.Item, all: readonly (Y.Item | Y.GC)[]) =>
        Object.assign(s, { origin: null, rightOrigin: null, parent: all[at % all.length].id }),
    ),
  arbId.map(
    (id) => (s: Y.Item) => Object.assign(s, { origin: null, rightOrigin: null, parent: id }),
  ),
  fc
    .constantFrom('actions', 'section:context', 'elsewhere')
    .map(
      (root) => (s: Y.Item) => Object.assign(s, { origin: null, rightOrigin: null, parent: root }),
    ),
  arbId.map((id) => (s: Y.Item) => Object.assign(s, { origin: id })),
  arbId.map((id) => (s: Y.Item) => Object.assign(s, { rightOrigin: id })),
  fc.constantFrom('title', 'level', null).map((sub) => (s: Y.Item) => {
    if (s.origin === null && s.rightOrigin === null) s.parentSub = sub;
  }),
  arbContent.map((make) => (s: Y.Item) => Object.assign(s, { content: make() })),
  fc.tuple(fc.constantFrom(...CLIENTS), fc.nat({ max: 400 })).map(
    ([client, clock]) =>
      (s: Y.Item) =>
        Object.assign(s, { id: Y.createID(client, clock) }),
  ),
);

/** Forges 1–3 structs of a decoded update and encodes it again. */
const arbStructMutation: fc.Arbitrary<Mutation> = fc
  .array(fc.tuple(fc.nat(), arbForge), { minLength: 1, maxLength: 3 })
  .map((forges) => (u) => {
    const { structs, ds } = Y.decodeUpdate(u);
    if (!structs.length) return u;
    for (const [at, forge] of forges) {
      const s = structs[at % structs.length];
      if (s instanceof Y.Item) forge(s, structs);
    }
    return encodeStructs(structs, ds);
  });

const arbMutant = fc
  .tuple(fc.nat(), fc.oneof(arbByteMutation, arbStructMutation))
  .map(([i, mutate]) => {
    try {
      return mutate(valid[i % valid.length]);
    } catch {
      return valid[i % valid.length]; // a forgery Yjs could not even encode
    }
  });

/**
 * The server's acceptance path: the check, the cut of clocks already accepted (as submit makes
 * it), then the document's content (as submit does once durable).
 */
function accept(
  content: DocumentContent,
  accepted: AcceptedClocks,
  stored: Uint8Array[],
  received: Uint8Array,
): void {
  let update: Uint8Array;
  try {
    if (checkUpdate(received).empty) return;
    update = accepted.admit(received);
  } catch (err) {
    if (err instanceof ProtocolError) return; // refused: the sender is closed
    throw err;
  }
  stored.push(update);
  content.add(update);
}

function read(doc: Y.Doc): void {
  readPlanContent(doc);
  Y.encodeStateAsUpdate(doc);
}

describe('plan documents under mangled updates', () => {
  it('reads an action whose field a writer made XML with a child that is no node', async () => {
    // Applies cleanly (Yjs has no schema), but Y.XmlElement#toJSON throws on the null child.
    const writer = new Y.Doc();
    writer.clientID = 44;
    Y.applyUpdate(writer, base);
    const before = Y.encodeStateVector(writer);
    const element = new Y.XmlElement('paragraph');
    writer.getArray<Y.Map<unknown>>('actions').get(0).set('title', element);
    writer.getArray('scratch').insert(0, [null]);
    const { structs, ds } = Y.decodeUpdate(Y.encodeStateAsUpdate(writer, before));
    const nullItem = structs.find(
      (s) => s instanceof Y.Item && s.content instanceof Y.ContentAny,
    ) as Y.Item;
    Object.assign(nullItem, {
      parent: structs.find((s) => s instanceof Y.Item && s.content instanceof Y.ContentType)!.id,
    });
    const forged = encodeStructs(structs, ds);
    const skipped: string[] = [];
    const doc = await docFromStored({ snapshot: base, updates: [forged] }, (at) =>
      skipped.push(at),
    );
    expect(skipped).toEqual([]);
    expect(readPlanContent(doc).actions[0]).toMatchObject({ id: 'a1', title: '' });
  });

  it('whatever is accepted, the stored and the live plan load whole, read, encode and sync', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbMutant, { minLength: 1, maxLength: 3 }), async (mutants) => {
        const skipped: string[] = [];
        const onSkipped = (at: string, err: unknown) =>
          skipped.push(`${at}: ${(err as Error).message}`);
        const content = new DocumentContent({ snapshot: base, updates: [] }, onSkipped);
        const stored: Uint8Array[] = [];
        const accepted = content.acceptedClocks();
        for (const mutant of [...mutants, innocent]) accept(content, accepted, stored, mutant);
        // Stored: as the page, export and submission load it.
        const loaded = await docFromStored({ snapshot: base, updates: stored }, onSkipped);
        read(loaded);
        loaded.destroy();
        // Live: as the sync server holds it.
        read(await content.ready());
        // A client joining a cold copy is answered from the stored bytes and must apply them.
        const cold = new DocumentContent({ snapshot: base, updates: stored }, onSkipped);
        const answer = await cold.answer(Y.encodeStateVector(new Y.Doc()));
        const client = new Y.Doc();
        for (const u of [...answer.updates, answer.step2]) Y.applyUpdate(client, u);
        read(client);
        for (const d of [client]) d.destroy();
        cold.destroy();
        content.destroy();
        expect(skipped).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
