/**
 * `repair-collab` (the built CLI, as an operator runs it) on a database where a row that does not
 * apply was stored before the update check existed: it drops that row and keeps everything else.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { openDatabase } from '../database/data-source.js';
import { ENTITIES } from '../entities.js';
import { TEST_SESSION_SECRET } from '../test/api-process.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { docFromStored } from './document-content.js';
import { UpdateLogRepository } from './update-log.repository.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');
/** The update of issue 21 (it throws when applied). */
const BAD = Buffer.from(
  '01054d0007010f73656374696f6e3a636f6e74657874030970617261677261706807004d000604004d7f0b68656c6c6f20776f726c64070107616374696f6e730128004d0d057469746c650177017800',
  'hex',
);

describe('repair-collab', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await openDatabase(db.url, ENTITIES);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const cli = async (...args: string[]) => {
    if (!existsSync(CLI))
      throw new Error(`${CLI} is missing: build the API first (npx nx run api:build)`);
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      SESSION_SECRET: TEST_SESSION_SECRET,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'iuc-repair-')),
      LOG_LEVEL: 'warn',
    };
    return (await promisify(execFile)(process.execPath, [CLI, 'repair-collab', ...args], { env }))
      .stdout;
  };
  /** A writer's edits to a section, as separate updates, and the section's final XML. */
  const writerEdits = (words: string) => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    doc.getXmlFragment('section:context').push([paragraph]);
    for (const word of words.split(' ')) text.insert(text.length, `${word} `);
    return { updates, xml: doc.getXmlFragment('section:context').toString() };
  };
  const insertRows = async (docName: string, rows: Uint8Array[]): Promise<string[]> =>
    (
      await dataSource.query(
        `INSERT INTO collab_updates (doc_name, update) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS x(u, n) ORDER BY n RETURNING seq`,
        [docName, rows.map((u) => Buffer.from(u))],
      )
    ).map((r: { seq: string }) => String(r.seq));
  const load = async (docName: string) => {
    const skipped: string[] = [];
    const doc = await docFromStored(await new UpdateLogRepository(dataSource).load(docName), (at) =>
      skipped.push(at),
    );
    const xml = doc.getXmlFragment('section:context').toString();
    doc.destroy();
    return { skipped, xml };
  };
  const rowCount = async (docName: string) =>
    Number(
      (
        await dataSource.query('SELECT count(*) AS n FROM collab_updates WHERE doc_name = $1', [
          docName,
        ])
      )[0].n,
    );

  it('drops the row that does not apply and keeps every other edit; --dry-run and clean documents change nothing', async () => {
    const damaged = `plan.${randomUUID()}`;
    const clean = `plan.${randomUUID()}`;
    const writer = writerEdits('Málaga builds protected bike lanes to every school');
    const seqs = await insertRows(damaged, [
      ...writer.updates.slice(0, 4),
      BAD,
      ...writer.updates.slice(4),
    ]);
    const badSeq = seqs[4];
    const other = writerEdits('Jingyue plants trees');
    await insertRows(clean, other.updates);

    // Before: loading survives (it skips the row and names it), but the row is still there.
    const before = await load(damaged);
    expect(before.skipped).toEqual([`seq ${badSeq}`]);
    expect(await rowCount(damaged)).toBe(seqs.length);

    const dry = await cli(damaged, '--dry-run');
    expect(dry).toContain(
      `${damaged}: would drop seq ${badSeq} (update refused: struct refers to its own future)`,
    );
    expect(await rowCount(damaged)).toBe(seqs.length);

    const out = await cli('--all');
    expect(out).toContain(`${damaged}: dropped seq ${badSeq}`);
    expect(out).toContain(`${damaged}: kept ${seqs.length - 1} update(s)`);
    expect(out).toContain(`${clean}: all ${other.updates.length} update(s) apply, nothing to drop`);

    // After: the row is gone, the rest is in a snapshot, and the text is exactly the writer's.
    expect(await rowCount(damaged)).toBe(0);
    expect(
      Number(
        (
          await dataSource.query('SELECT count(*) AS n FROM collab_updates WHERE seq = $1', [
            badSeq,
          ])
        )[0].n,
      ),
    ).toBe(0);
    expect(await load(damaged)).toEqual({ skipped: [], xml: writer.xml });
    expect(await rowCount(clean)).toBe(other.updates.length);
    expect(await load(clean)).toEqual({ skipped: [], xml: other.xml });
  });
});
