/**
 * Uploads and downloads through the real API, a real tus client (tus-js-client) and a real
 * PostgreSQL: round trip, resume, limits before the body, type by the bytes, names, who may touch
 * an upload and read a file (a stand-in kind of subject registered here, whose readers the test
 * sets), headers of what a browser could run, ranges, expiry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { AccessService } from '../access/access.service.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { createUser, login } from '../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { FilesService, type StoredFile } from './files.service.js';
import { UploadsService } from './uploads/uploads.service.js';

const MB = 1024 * 1024;

/** A subject kind of this test only: readable by the people in its `readers`. */
const STAND_IN: ResourceLocator<{ id: string }> = {
  kind: 'standin',
  sql: `SELECT NULL::uuid AS pairing_id, NULL::text AS side, NULL::uuid AS authority_id,
               CASE WHEN u.id = ANY(s.readers) THEN '{reader}'::text[] ELSE '{}'::text[] END AS relations,
               s.id AS item_id
          FROM standin s WHERE s.id = q.id`,
  toResource: (row) => ({ id: row.item_id as string }),
  visible: (s) => s.relations?.has('reader') ?? false,
  allows: (s, _item, permission) =>
    permission === ('standin.read' as never) && (s.relations?.has('reader') ?? false),
  notFound: 'Stand-in not found.',
};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const pdfLike = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes)]);

interface TusOutcome {
  url: string | null;
  error: { status: number; body: string } | null;
}

describe('files: uploads and downloads', () => {
  let t: TestApp;
  let dataDir: string;
  let files: FilesService;
  let uploads: UploadsService;
  const token: Record<'alice' | 'bob' | 'carol', string> = {} as never;
  const userId: Record<'alice' | 'bob' | 'carol', string> = {} as never;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'iuc-files-'));
    t = await startTestApp({
      DATA_DIR: dataDir,
      UPLOAD_MAX_BYTES: String(64 * MB),
      UPLOAD_MAX_PENDING_PER_USER: '3',
    });
    t.app.get(AccessService).register(STAND_IN as ResourceLocator);
    files = t.app.get(FilesService);
    uploads = t.app.get(UploadsService);
    await t.dataSource.query(
      'CREATE TABLE standin (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), readers uuid[] NOT NULL)',
    );
    for (const name of ['alice', 'bob', 'carol'] as const) {
      const user = await createUser(t.dataSource, {
        email: `${name}@example.org`,
        name,
        password: 'a-long-password',
      });
      userId[name] = user.id;
      token[name] = (await login(t.url, user.email, 'a-long-password')).token;
    }
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function subjectReadBy(...readers: string[]): Promise<{ kind: string; id: string }> {
    const [{ id }]: { id: string }[] = await t.dataSource.query(
      'INSERT INTO standin (readers) VALUES ($1) RETURNING id',
      [readers],
    );
    return { kind: 'standin', id };
  }

  function tusUpload(
    data: Buffer,
    name: string,
    type: string,
    who: string,
    options: Partial<tus.UploadOptions> = {},
  ): Promise<TusOutcome> {
    return new Promise((resolve) => {
      const upload = new tus.Upload(data, {
        endpoint: `${t.url}/api/uploads`,
        headers: { Authorization: `Bearer ${who}` },
        metadata: { filename: name, filetype: type },
        retryDelays: [],
        ...options,
        onSuccess: () => resolve({ url: upload.url, error: null }),
        onError: (err) => {
          const res = (err as tus.DetailedError).originalResponse;
          resolve({
            url: upload.url,
            error: res
              ? { status: res.getStatus(), body: res.getBody() }
              : { status: 0, body: String(err) },
          });
        },
      });
      upload.start();
    });
  }

  const idOf = (url: string | null) => (url ?? '').split('/').pop() as string;

  async function uploadAndAttach(data: Buffer, name: string, type: string, readers: string[]) {
    const outcome = await tusUpload(data, name, type, token.alice, { chunkSize: 2 * MB });
    expect(outcome.error).toBeNull();
    const subject = await subjectReadBy(userId.alice, ...readers);
    const [file] = await files.attach(userId.alice, [idOf(outcome.url)], subject);
    return { file, subject, uploadId: idOf(outcome.url) };
  }

  const get = (fileId: string, who: string, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/api/files/${fileId}`, {
      headers: { Authorization: `Bearer ${who}`, ...headers },
    });

  const tusFiles = () =>
    existsSync(path.join(dataDir, 'uploads')) ? readdirSync(path.join(dataDir, 'uploads')) : [];

  it('round trip: a multi-MB file in chunks comes back with the same sha256 and its headers', async () => {
    const data = pdfLike(7 * MB);
    const { file } = await uploadAndAttach(data, 'Circular procurement.pdf', 'application/pdf', []);
    expect(file).toMatchObject({
      name: 'Circular procurement.pdf',
      type: 'application/pdf',
      size: data.length,
      sha256: sha(data),
      status: 'processing',
      hasPreview: false,
    });
    const res = await get(file.id, token.alice);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(sha(body)).toBe(sha(data));
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Circular procurement.pdf"; filename*=UTF-8''Circular%20procurement.pdf`,
    );
    expect(res.headers.get('etag')).toBe(`"${sha(data)}"`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('cache-control')).toBe('private');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    // Finished uploads leave nothing in tus's folder: the bytes moved to storage.
    expect(tusFiles()).toEqual([]);
  });

  it('serves ranges (206), unsatisfiable ones (416), and 304 for a known ETag', async () => {
    const data = pdfLike(1 * MB);
    const { file } = await uploadAndAttach(data, 'r.pdf', 'application/pdf', []);
    const part = await get(file.id, token.alice, { Range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${data.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(data.subarray(1000, 2000));
    const tail = await get(file.id, token.alice, { Range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(data.subarray(data.length - 10));
    const beyond = await get(file.id, token.alice, { Range: `bytes=${data.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${data.length}`);
    const cached = await get(file.id, token.alice, { 'If-None-Match': `"${file.sha256}"` });
    expect(cached.status).toBe(304);
  });

  it('resumes: cut after the first chunk, HEAD says where, the rest completes the same file', async () => {
    const data = pdfLike(5 * MB);
    let first: tus.Upload | null = null;
    const cut = new Promise<string>((resolve) => {
      first = new tus.Upload(data, {
        endpoint: `${t.url}/api/uploads`,
        headers: { Authorization: `Bearer ${token.alice}` },
        metadata: { filename: 'resumed.pdf', filetype: 'application/pdf' },
        chunkSize: 1 * MB,
        retryDelays: [],
        onChunkComplete: (_size, accepted) => {
          if (accepted === 1 * MB) void first!.abort().then(() => resolve(first!.url as string));
        },
      });
      first.start();
    });
    const url = await cut;
    const head = await fetch(url, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token.alice}`, 'Tus-Resumable': '1.0.0' },
    });
    expect(head.headers.get('upload-offset')).toBe(String(1 * MB));
    let resent = 0;
    const resumed = await tusUpload(data, 'resumed.pdf', 'application/pdf', token.alice, {
      uploadUrl: url,
      chunkSize: 1 * MB,
      onChunkComplete: (size) => (resent += size),
    });
    expect(resumed.error).toBeNull();
    expect(resent).toBe(data.length - 1 * MB);
    // A client asking again about the finished upload hears it is whole; it takes no more bytes.
    const whole = await fetch(url, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token.alice}`, 'Tus-Resumable': '1.0.0' },
    });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('upload-offset')).toBe(String(data.length));
    const more = await fetch(url, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${token.alice}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(data.length),
        'Content-Type': 'application/offset+octet-stream',
      },
      body: Buffer.from('x'),
    });
    expect(more.status).toBe(409);
    const subject = await subjectReadBy(userId.alice);
    const [file] = await files.attach(userId.alice, [idOf(url)], subject);
    expect(file.sha256).toBe(sha(data));
    const body = Buffer.from(await (await get(file.id, token.alice)).arrayBuffer());
    expect(sha(body)).toBe(sha(data));
  });

  it('answers 413 to a declared 10 GB before any body byte is sent, and keeps nothing', async () => {
    const before = tusFiles().length;
    const req = http.request(`${t.url}/api/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token.alice}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(10 * 1024 * MB),
        'Upload-Metadata': `filename ${b64('huge.mp4')},filetype ${b64('video/mp4')}`,
        'Content-Type': 'application/offset+octet-stream',
        'Transfer-Encoding': 'chunked',
      },
    });
    req.flushHeaders();
    // Not one byte of body is written: the answer must come anyway.
    const [res] = (await once(req, 'response')) as [http.IncomingMessage];
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    req.destroy();
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(Buffer.concat(chunks).toString())).toMatchObject({
      code: 'upload.too_large',
    });
    expect(tusFiles().length).toBe(before);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM uploads WHERE filename = 'huge.mp4'`,
    );
    expect(n).toBe(0);
  });

  it('refuses a deferred length and missing metadata (400, coded)', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${t.url}/api/uploads`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token.alice}`, 'Tus-Resumable': '1.0.0', ...headers },
      });
    const deferred = await post({
      'Upload-Defer-Length': '1',
      'Upload-Metadata': `filename ${b64('a.pdf')},filetype ${b64('application/pdf')}`,
    });
    expect(deferred.status).toBe(400);
    expect(((await deferred.json()) as { code: string }).code).toBe('upload.length_required');
    const bare = await post({ 'Upload-Length': '10' });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { code: string }).code).toBe('upload.metadata_required');
  });

  it('refuses an HTML page named .pdf with a clear message, and keeps nothing', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    const outcome = await tusUpload(html, 'report.pdf', 'application/pdf', token.alice);
    expect(outcome.error?.status).toBe(415);
    expect(JSON.parse(outcome.error!.body)).toMatchObject({
      code: 'upload.type_refused',
      message: expect.stringContaining('HTML'),
    });
    const id = idOf(outcome.url);
    expect(await t.dataSource.query('SELECT id FROM uploads WHERE id = $1', [id])).toEqual([]);
    expect(tusFiles().filter((f) => f.startsWith(id))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'files', 'uploads', id.slice(0, 2), id))).toBe(false);
    const subject = await subjectReadBy(userId.alice);
    await expect(files.attach(userId.alice, [id], subject)).rejects.toMatchObject({
      response: { code: 'upload.not_attachable' },
    });
  });

  it('stores "../../etc/passwd" under a harmless name, inside its folders', async () => {
    const text = Buffer.from('root:x:0:0:root:/root:/bin/bash\n');
    const { file } = await uploadAndAttach(text, '../../etc/passwd', 'text/plain', []);
    expect(file.name).toBe('passwd');
    expect(file.type).toBe('text/plain');
    const res = await get(file.id, token.alice);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''passwd`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(text);
  });

  it('keeps names in any script and sends them RFC 6266-style with an ASCII fallback', async () => {
    const { file } = await uploadAndAttach(pdfLike(100), '報告書.pdf', 'application/pdf', []);
    expect(file.name).toBe('報告書.pdf');
    const res = await get(file.id, token.alice);
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('報告書.pdf')}`,
    );
  });

  it('serves an SVG with a script only as an attachment, nosniff and sandboxed', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script><circle r="4"/></svg>',
    );
    const { file } = await uploadAndAttach(svg, 'map.svg', 'image/svg+xml', []);
    expect(file.type).toBe('image/svg+xml');
    const res = await get(file.id, token.alice);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('lets only readers of the subject download (404 for others, as for unknown ids)', async () => {
    const { file, subject } = await uploadAndAttach(pdfLike(1000), 'p.pdf', 'application/pdf', []);
    expect((await get(file.id, token.bob)).status).toBe(404);
    expect((await get('00000000-0000-4000-8000-000000000000', token.bob)).status).toBe(404);
    expect((await get('not-a-uuid', token.bob)).status).toBe(404);
    await t.dataSource.query('UPDATE standin SET readers = readers || $2::uuid WHERE id = $1', [
      subject.id,
      userId.bob,
    ]);
    expect((await get(file.id, token.bob)).status).toBe(200);
    expect((await fetch(`${t.url}/api/files/${file.id}`)).status).toBe(401);
    expect(
      (
        await fetch(`${t.url}/api/files/${file.id}/preview`, {
          headers: { Authorization: `Bearer ${token.bob}` },
        })
      ).status,
    ).toBe(404);
  });

  it("answers 404 for another person's upload (HEAD, PATCH, DELETE) and 401 without a session", async () => {
    const created = await fetch(`${t.url}/api/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token.alice}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '100',
        'Upload-Metadata': `filename ${b64('x.pdf')},filetype ${b64('application/pdf')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') as string;
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}$/);
    for (const method of ['HEAD', 'PATCH', 'DELETE']) {
      const res = await fetch(`${t.url}${location}`, {
        method,
        headers: {
          Authorization: `Bearer ${token.bob}`,
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '0',
          'Content-Type': 'application/offset+octet-stream',
        },
        body: method === 'PATCH' ? Buffer.from('%PDF') : undefined,
      });
      expect(res.status).toBe(404);
    }
    const anonymous = await fetch(`${t.url}/api/uploads`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' },
    });
    expect(anonymous.status).toBe(401);
    // The owner may cancel it: then it is gone.
    const cancel = await fetch(`${t.url}${location}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token.alice}`, 'Tus-Resumable': '1.0.0' },
    });
    expect(cancel.status).toBe(204);
    expect(
      await t.dataSource.query('SELECT id FROM uploads WHERE id = $1', [idOf(location)]),
    ).toEqual([]);
  });

  it('needs the CSRF header with the session cookie', async () => {
    const session = await login(t.url, 'carol@example.org', 'a-long-password');
    const headers = {
      Cookie: session.cookie,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': '10',
      'Upload-Metadata': `filename ${b64('c.txt')},filetype ${b64('text/plain')}`,
    };
    const forged = await fetch(`${t.url}/api/uploads`, { method: 'POST', headers });
    expect(forged.status).toBe(403);
    const real = await fetch(`${t.url}/api/uploads`, {
      method: 'POST',
      headers: { ...headers, 'X-CSRF-Token': session.csrfToken },
    });
    expect(real.status).toBe(201);
  });

  it('bounds unfinished uploads per person (429, coded), and the sweep deletes stale ones', async () => {
    const create = () =>
      fetch(`${t.url}/api/uploads`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token.bob}`,
          'Tus-Resumable': '1.0.0',
          'Upload-Length': '1000',
          'Upload-Metadata': `filename ${b64('q.txt')},filetype ${b64('text/plain')}`,
        },
      });
    const locations: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await create();
      expect(res.status).toBe(201);
      locations.push(res.headers.get('location') as string);
    }
    const over = await create();
    expect(over.status).toBe(429);
    expect(((await over.json()) as { code: string }).code).toBe('upload.quota_exceeded');

    const stale = idOf(locations[0]);
    expect(tusFiles()).toContain(stale);
    await t.dataSource.query(
      `UPDATE uploads SET created_at = now() - interval '25 hours' WHERE id = $1`,
      [stale],
    );
    expect(await uploads.sweep()).toBe(1);
    expect(tusFiles().filter((f) => f.startsWith(stale))).toEqual([]);
    const head = await fetch(`${t.url}${locations[0]}`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token.bob}`, 'Tus-Resumable': '1.0.0' },
    });
    expect(head.status).toBe(404);
    // A place is free again.
    expect((await create()).status).toBe(201);
  });

  it("serves the preview the job stored, under the file's access, and opens the bytes for it", async () => {
    const { file } = await uploadAndAttach(
      pdfLike(2000),
      'with-preview.pdf',
      'application/pdf',
      [],
    );
    const opened = await files.open(file.id);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.stream) chunks.push(chunk as Buffer);
    expect(sha(Buffer.concat(chunks))).toBe(file.sha256);
    const copy = path.join(dataDir, 'copy.pdf');
    expect(await files.copyToLocal(file.id, copy)).toMatchObject({ type: 'application/pdf' });
    expect(sha(await readFile(copy))).toBe(file.sha256);

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const local = path.join(dataDir, 'preview.png');
    await writeFile(local, png);
    const previewKey = await files.storePreview(file.id, local, 'png');
    const stored = await files.recordProcessed(file.id, {
      status: 'ready',
      text: 'text',
      excerpt: 'text',
      pages: 1,
      previewKey,
      error: null,
    });
    expect(stored).toMatchObject({ hasPreview: true, pages: 1, status: 'ready' });
    const res = await fetch(`${t.url}/api/files/${file.id}/preview`, {
      headers: { Authorization: `Bearer ${token.alice}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
    const other = await fetch(`${t.url}/api/files/${file.id}/preview`, {
      headers: { Authorization: `Bearer ${token.bob}` },
    });
    expect(other.status).toBe(404);
  });

  it('attaches idempotently, lists in order, detaches softly and purges bytes and rows', async () => {
    const a = await tusUpload(pdfLike(10), 'a.pdf', 'application/pdf', token.alice);
    const b = await tusUpload(Buffer.from('x,y\n1,2\n'), 'b.csv', 'text/csv', token.alice);
    const subject = await subjectReadBy(userId.alice);
    const ids = [idOf(a.url), idOf(b.url)];
    const attached = await files.attach(userId.alice, ids, subject);
    expect(attached.map((f) => f.name)).toEqual(['a.pdf', 'b.csv']);
    expect(attached[1].type).toBe('text/csv');
    const again = await files.attach(userId.alice, ids, subject);
    expect(again.map((f) => f.id)).toEqual(attached.map((f) => f.id));
    // Someone else's upload, or one on another subject: refused, nothing attached.
    await expect(
      files.attach(userId.bob, ids, await subjectReadBy(userId.bob)),
    ).rejects.toMatchObject({
      response: { code: 'upload.not_attachable' },
    });
    await expect(
      files.attach(userId.alice, ids, await subjectReadBy(userId.alice)),
    ).rejects.toMatchObject({
      response: { code: 'upload.not_attachable' },
    });
    const listed = (await files.filesOf('standin', [subject.id])).get(subject.id) as StoredFile[];
    expect(listed.map((f) => f.name)).toEqual(['a.pdf', 'b.csv']);

    const [gone] = await files.detach(subject, [attached[0].id]);
    expect(gone.detachedAt).toBeInstanceOf(Date);
    expect(
      (await files.filesOf('standin', [subject.id])).get(subject.id)?.map((f) => f.name),
    ).toEqual(['b.csv']);
    expect((await get(attached[0].id, token.alice)).status).toBe(404);

    const location = await files.locate(attached[1].id);
    await files.recordProcessed(attached[1].id, {
      status: 'ready',
      text: 'x y 1 2',
      excerpt: 'x y',
      pages: null,
      previewKey: null,
      error: null,
    });
    expect((await files.filesOf('standin', [subject.id])).get(subject.id)?.[0]).toMatchObject({
      status: 'ready',
      excerpt: 'x y',
    });
    await files.purge(subject);
    expect((await files.filesOf('standin', [subject.id])).get(subject.id)).toEqual([]);
    const stored = path.join(dataDir, 'files', ...(location?.storageKey ?? '').split('/'));
    expect(existsSync(stored)).toBe(false);
  });
});
