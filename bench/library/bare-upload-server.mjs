// The baseline for bench/library/upload.mjs: a bare Node http server that pipes each request's body
// to a file on disk, speaking just enough of tus (POST creates, PATCH appends at Upload-Offset, HEAD
// says the offset) for the same client to drive it. No authentication, no database, no checks.
// With BARE_FSYNC=1 the last PATCH fsyncs the file before answering (the durability ours gives).
import { createWriteStream } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

const dir = process.env.BARE_DIR;
const port = Number(process.env.PORT);
const fsyncAtEnd = process.env.BARE_FSYNC === '1';
/** Declared lengths, by upload. */
const lengths = new Map();

async function fsync(file) {
  const handle = await open(file, 'r+');
  await handle.sync();
  await handle.close();
}

http
  .createServer(async (req, res) => {
    if (req.url === '/api/health') return res.writeHead(200).end('ok');
    if (req.method === 'POST') {
      const id = randomUUID();
      lengths.set(id, Number(req.headers['upload-length']));
      await writeFile(path.join(dir, id), '');
      return res.writeHead(201, { Location: `/files/${id}` }).end();
    }
    const file = path.join(dir, path.basename(req.url ?? ''));
    if (req.method === 'HEAD') {
      const { size } = await stat(file);
      return res.writeHead(200, { 'Upload-Offset': String(size) }).end();
    }
    if (req.method === 'PATCH') {
      const offset = Number(req.headers['upload-offset']);
      const out = createWriteStream(file, { flags: 'r+', start: offset });
      let received = 0;
      req.on('data', (chunk) => (received += chunk.length));
      req.pipe(out);
      const done = () => res.writeHead(204, { 'Upload-Offset': String(offset + received) }).end();
      out.on('finish', () => {
        const last = offset + received === lengths.get(path.basename(file));
        if (fsyncAtEnd && last) fsync(file).then(done);
        else done();
      });
      req.on('aborted', () => out.end());
      return;
    }
    res.writeHead(404).end();
  })
  .listen(port, '127.0.0.1');
