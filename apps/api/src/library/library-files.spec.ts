/**
 * An item's files through the real platform: uploads by the real tus client, attached on create
 * and edit, listed on the item, downloadable by whoever may read the item and by no one else.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import * as tus from 'tus-js-client';
import type { ResourceDto, ResourceRevisionDto } from '@iuc/domain';
import { makePdf } from '../test/fixtures/document-files.js';
import { eventually, setUpPlanCast, type CastMember, type PlanCast } from '../test/plan-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const pdfLike = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('library: an item’s files', () => {
  let t: TestApp;
  let dataDir: string;
  let a: PlanCast;
  let b: PlanCast;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'iuc-library-files-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    a = await setUpPlanCast(t);
    b = await setUpPlanCast(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (who: CastMember, cast: PlanCast = a) => ({
    get: (p: string) => request(t.url).get(p).set(auth(cast.tokens[who])),
    post: (p: string, body: object) =>
      request(t.url).post(p).set(auth(cast.tokens[who])).send(body),
    patch: (p: string, body: object) =>
      request(t.url).patch(p).set(auth(cast.tokens[who])).send(body),
  });

  /** A finished tus upload of `data`; answers its id. */
  function upload(data: Buffer, name: string, type: string, token: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const up = new tus.Upload(data, {
        endpoint: `${t.url}/api/uploads`,
        headers: auth(token),
        metadata: { filename: name, filetype: type },
        retryDelays: [],
        onSuccess: () => resolve((up.url ?? '').split('/').pop() as string),
        onError: reject,
      });
      up.start();
    });
  }

  const download = (fileId: string, token: string) =>
    fetch(`${t.url}/api/files/${fileId}`, { headers: auth(token) });

  it('attaches uploads on create, shows them on the item, and serves them to its readers only', async () => {
    const bytes = pdfLike();
    const uploadId = await upload(bytes, 'report.pdf', 'application/pdf', a.tokens.coordinator);
    const created = await as('coordinator')
      .post('/api/resources', {
        kind: 'report',
        title: 'With a report',
        language: 'en',
        themes: [],
        sdgs: [],
        scope: { level: 'pairing', pairingId: a.pairing.pairingId },
        uploadIds: [uploadId],
      })
      .expect(201);
    const item = created.body as ResourceDto;
    expect(item.files).toEqual([
      expect.objectContaining({
        name: 'report.pdf',
        type: 'application/pdf',
        size: bytes.length,
        sha256: sha256(bytes),
        presentation: 'pdf',
      }),
    ]);
    expect(item.fileCount).toBe(1);
    const shown: ResourceDto = (await as('viewer').get(`/api/resources/${item.id}`).expect(200))
      .body;
    expect(shown.files.map((f) => f.id)).toEqual([item.files[0].id]);

    const got = await download(item.files[0].id, a.tokens.viewer);
    expect(got.status).toBe(200);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(bytes));
    expect((await download(item.files[0].id, b.tokens.coordinator)).status).toBe(404);
    expect((await download(item.files[0].id, a.tokens.outsider)).status).toBe(404);
  });

  it('attaches and takes off files on edit, recorded by name; a bad upload id changes nothing', async () => {
    const first = await upload(pdfLike(), 'first.pdf', 'application/pdf', a.tokens.coordinator);
    const item: ResourceDto = (
      await as('coordinator')
        .post('/api/resources', {
          kind: 'toolkit',
          title: 'Files come and go',
          language: 'en',
          themes: [],
          sdgs: [],
          scope: { level: 'pairing', pairingId: a.pairing.pairingId },
          uploadIds: [first],
        })
        .expect(201)
    ).body;
    const second = await upload(pdfLike(), 'second.pdf', 'application/pdf', a.tokens.coordinator);
    const edited: ResourceDto = (
      await as('coordinator')
        .patch(`/api/resources/${item.id}`, {
          uploadIds: [second],
          removeFileIds: [item.files[0].id],
        })
        .expect(200)
    ).body;
    expect(edited.files.map((f) => f.name)).toEqual(['second.pdf']);
    const revisions: ResourceRevisionDto[] = (
      await as('coordinator').get(`/api/resources/${item.id}/revisions`).expect(200)
    ).body;
    expect(revisions[0].changes).toEqual([
      { field: 'files', before: ['first.pdf'], after: ['second.pdf'] },
    ]);

    // Someone else's upload: refused, and the item keeps its files and title.
    const others = await upload(pdfLike(), 'theirs.pdf', 'application/pdf', a.tokens.editor);
    const refused = await as('coordinator')
      .patch(`/api/resources/${item.id}`, { title: 'Renamed', uploadIds: [others] })
      .expect(400);
    expect(refused.body.code).toBe('upload.not_attachable');
    const notOnIt = await as('coordinator')
      .patch(`/api/resources/${item.id}`, { removeFileIds: [item.files[0].id] })
      .expect(400);
    expect(notOnIt.body.code).toBe('resource.bad_file');
    const after: ResourceDto = (
      await as('coordinator').get(`/api/resources/${item.id}`).expect(200)
    ).body;
    expect(after).toMatchObject({ title: 'Files come and go', updatedAt: edited.updatedAt });
    expect(after.files.map((f) => f.name)).toEqual(['second.pdf']);
  });

  /** An item of pairing `a` holding one uploaded file; answers it once its file has been read. */
  async function itemWithFile(bytes: Buffer, name: string): Promise<ResourceDto> {
    const uploadId = await upload(bytes, name, 'application/pdf', a.tokens.coordinator);
    const item: ResourceDto = (
      await as('coordinator')
        .post('/api/resources', {
          kind: 'report',
          title: `Read in the background: ${name}`,
          language: 'en',
          themes: [],
          sdgs: [],
          scope: { level: 'pairing', pairingId: a.pairing.pairingId },
          uploadIds: [uploadId],
        })
        .expect(201)
    ).body;
    expect(item.files[0].status).toBe('processing');
    return eventually(
      async () => (await as('viewer').get(`/api/resources/${item.id}`).expect(200)).body,
      (got: ResourceDto) => got.files[0].status !== 'processing',
      `${name} to be read`,
      60_000,
    );
  }

  it('reads a PDF in the background: its text, pages and a first-page preview, the card’s thumbnail', async () => {
    const bytes = await makePdf(['Circular procurement for public works', 'Results and lessons']);
    const item = await itemWithFile(bytes, 'circular.pdf');
    const [file] = item.files;
    expect(file).toMatchObject({ status: 'ready', pages: 2, hasPreview: true, error: null });
    expect(file.excerpt).toContain('Circular procurement for public works');

    const preview = await fetch(`${t.url}/api/files/${file.id}/preview`, {
      headers: auth(a.tokens.viewer),
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/webp');
    const image = Buffer.from(await preview.arrayBuffer());
    expect(image.subarray(8, 12).toString()).toBe('WEBP');
    const outsider = await fetch(`${t.url}/api/files/${file.id}/preview`, {
      headers: auth(b.tokens.coordinator),
    });
    expect(outsider.status).toBe(404);

    const list = (await as('viewer').get('/api/resources?kind=report').expect(200)).body;
    const card = list.items.find((i: { id: string }) => i.id === item.id);
    expect(card.thumbnailFileId).toBe(file.id);
  });

  it('a corrupt PDF fails with its reason in words and stays downloadable', async () => {
    const whole = await makePdf(['Cut short']);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const item = await itemWithFile(cut, 'cut.pdf');
    expect(item.files[0]).toMatchObject({ status: 'failed', hasPreview: false });
    expect(item.files[0].error).toEqual(expect.any(String));
    const got = await download(item.files[0].id, a.tokens.viewer);
    expect(got.status).toBe(200);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(cut));
  });
});
