import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { UpdateLogRepository } from './update-log.repository.js';

describe('update log repository', () => {
  let t: TestApp;
  let log: UpdateLogRepository;

  beforeAll(async () => {
    t = await startTestApp();
    log = t.app.get(UpdateLogRepository);
  });
  afterAll(() => t.close());

  it('stores a batch of several documents byte for byte, each in the order it was given', async () => {
    // Lengths that make off-by-one cuts visible: 1 byte, a few, one of 100 KB, and bytes of every value.
    const a = [
      randomBytes(1),
      randomBytes(37),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      randomBytes(100_000),
    ];
    const b = [randomBytes(3), randomBytes(2)];
    const docA = `plan.${crypto.randomUUID()}`;
    const docB = `plan.${crypto.randomUUID()}`;

    await log.appendBatch(
      [docA, docB, docA, docB, docA, docA],
      [a[0], b[0], a[1], b[1], a[2], a[3]],
    );
    await log.append([docB], [Buffer.from('tail')]);

    const storedA = await log.load(docA);
    const storedB = await log.load(docB);
    expect(storedA.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      a.map((u) => u.toString('hex')),
    );
    expect(storedB.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      [...b, Buffer.from('tail')].map((u) => u.toString('hex')),
    );
    expect(storedA.snapshot).toBeNull();
  });

  it('compacts: the snapshot replaces every row up to its seq (deleted in batches), later rows and other documents stay', async () => {
    const doc = `plan.${crypto.randomUUID()}`;
    const other = `plan.${crypto.randomUUID()}`;
    const many = Array.from({ length: 4_500 }, (_, i) => Buffer.from(`u${i}`));
    await log.appendBatch([...many.map(() => doc), other], [...many, Buffer.from('other')]);
    const upTo = (await log.load(doc)).lastSeq;
    await log.append([doc], [Buffer.from('after')]);

    await log.compact(doc, Buffer.from('snapshot'), upTo);

    const stored = await log.load(doc);
    expect(Buffer.from(stored.snapshot!).toString()).toBe('snapshot');
    expect(stored.updates.map((u) => Buffer.from(u).toString())).toEqual(['after']);
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM collab_updates WHERE doc_name = $1',
      [doc],
    );
    expect(n).toBe(1);
    expect((await log.load(other)).updates.map((u) => Buffer.from(u).toString())).toEqual([
      'other',
    ]);
  });
});
