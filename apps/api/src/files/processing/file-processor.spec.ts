import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {
  makeCsv,
  makeDocx,
  makeJpeg,
  makeOdt,
  makePdf,
  makePng,
  makeZipBombDocx,
} from '../../test/fixtures/document-files.js';
import { FileProcessor } from './file-processor.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

describe('FileProcessor (real files, a real child process)', () => {
  let dir: string;
  const processor = new FileProcessor({
    fileProcessingTimeoutSeconds: 60,
    fileProcessingMaxMemoryMb: 512,
  });

  /** Writes `bytes` to a file named without extension, as uploads are stored. */
  const stored = async (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return file;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'iuc-processing-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a PDF page by page, counts its pages and draws page 1 as a 480 px WebP', async () => {
    const file = await stored(
      'plan',
      await makePdf(['Mobility plan for Lisbon', 'Budget and timeline', 'Partners in Yokohama']),
    );

    const result = await processor.process(file, PDF, 'plan.pdf');

    expect(result.error).toBeNull();
    expect(result.pages).toBe(3);
    expect(result.text?.split('\f')).toEqual([
      'Mobility plan for Lisbon',
      'Budget and timeline',
      'Partners in Yokohama',
    ]);
    expect(result.previewType).toBe('image/webp');
    // A4 is 595 × 842 points: the page fits in 480 × 480 standing up.
    expect(await sharp(result.preview!).metadata()).toMatchObject({
      format: 'webp',
      width: 339,
      height: 480,
    });
  });

  it('reads Chinese and Japanese text from a PDF with embedded CJK fonts', async () => {
    const file = await stored(
      'cjk',
      await makePdf(['城市可持续发展行动计划包括公共交通', '東京都の気候変動対策について']),
    );

    const result = await processor.process(file, PDF, 'cjk.pdf');

    expect(result.error).toBeNull();
    expect(result.text?.split('\f')).toEqual([
      '城市可持续发展行动计划包括公共交通',
      '東京都の気候変動対策について',
    ]);
  });

  it('reads the text of a DOCX and of an ODT', async () => {
    const docx = await stored(
      'report-docx',
      await makeDocx(['Green roofs in Porto', 'Results after two winters']),
    );
    const odt = await stored('report-odt', makeOdt(['Cycle lanes in Valencia', 'Año 2027 – 北京']));

    const fromDocx = await processor.process(docx, DOCX, 'report.docx');
    const fromOdt = await processor.process(odt, ODT, 'report.odt');

    expect(fromDocx).toMatchObject({ error: null });
    expect(fromDocx.text).toContain('Green roofs in Porto');
    expect(fromDocx.text).toContain('Results after two winters');
    expect(fromOdt).toMatchObject({ error: null });
    expect(fromOdt.text).toContain('Cycle lanes in Valencia');
    expect(fromOdt.text).toContain('Año 2027 – 北京');
  });

  it('reads a CSV as UTF-8 text', async () => {
    const file = await stored(
      'table',
      makeCsv([
        ['city', 'partner'],
        ['São Paulo', '横浜'],
      ]),
    );

    const result = await processor.process(file, 'text/csv', 'table.csv');

    expect(result).toMatchObject({ error: null, preview: null, pages: null });
    expect(result.text).toBe('city,partner\nSão Paulo,横浜\n');
  });

  it('keeps audio (and types it does not read) as they are: no text, no preview, no error', async () => {
    const file = await stored(
      'voice',
      Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000'),
    );

    const result = await processor.process(file, 'audio/mpeg', 'voice.mp3');

    expect(result).toEqual({
      text: null,
      pages: null,
      preview: null,
      previewType: null,
      error: null,
    });
  });

  it('makes a WebP thumbnail of an image, turned upright by its EXIF orientation', async () => {
    const png = await stored('photo-png', await makePng(640, 480));
    // Stored 800 × 400, shown 400 × 800 (orientation 6).
    const jpeg = await stored('photo-jpeg', await makeJpeg(800, 400, 6));

    const fromPng = await processor.process(png, 'image/png', 'photo.png');
    const fromJpeg = await processor.process(jpeg, 'image/jpeg', 'photo.jpg');

    expect(fromPng).toMatchObject({ error: null, text: null, previewType: 'image/webp' });
    expect(await sharp(fromPng.preview!).metadata()).toMatchObject({ width: 480, height: 360 });
    expect(await sharp(fromJpeg.preview!).metadata()).toMatchObject({
      format: 'webp',
      width: 240,
      height: 480,
    });
  });

  it('says in words why a damaged or fake PDF cannot be read', async () => {
    const whole = await makePdf(['Some text']);
    const truncated = await stored('truncated', whole.subarray(0, 200));
    const html = await stored(
      'html',
      Buffer.from('<!doctype html><html><body>Not a PDF</body></html>'),
    );

    for (const file of [truncated, html]) {
      const result = await processor.process(file, PDF, 'broken.pdf');
      expect(result).toMatchObject({ text: null, preview: null, previewType: null });
      expect(result.error).toMatch(/not a readable PDF/);
    }
  });

  it('stops a zip bomb at the memory limit and says so', async () => {
    const small = new FileProcessor({
      fileProcessingTimeoutSeconds: 60,
      fileProcessingMaxMemoryMb: 64,
    });
    const file = await stored('bomb', await makeZipBombDocx(160));

    const result = await small.process(file, DOCX, 'bomb.docx');

    expect(result).toMatchObject({ text: null, preview: null });
    expect(result.error).toMatch(/more than 64 MB of memory/);
  });

  it('stops a file that never ends at the time limit and says so', async () => {
    const quick = new FileProcessor({
      fileProcessingTimeoutSeconds: 1,
      fileProcessingMaxMemoryMb: 512,
    });
    // A named pipe nobody writes to: reading it never ends.
    const fifo = path.join(dir, 'endless');
    execFileSync('mkfifo', [fifo]);

    const result = await quick.process(fifo, PDF, 'endless.pdf');

    expect(result).toMatchObject({ text: null, preview: null });
    expect(result.error).toMatch(/longer than 1 s/);
  });

  it('ends the file being read when it is stopped, and starts afresh for the next file', async () => {
    const own = new FileProcessor({
      fileProcessingTimeoutSeconds: 600,
      fileProcessingMaxMemoryMb: 512,
    });
    const fifo = path.join(dir, 'endless-until-stopped');
    execFileSync('mkfifo', [fifo]);
    const reading = own.process(fifo, PDF, 'endless.pdf');
    // The launcher has the file once this one, queued behind it, is answered.
    await own.process(await stored('note', Buffer.from('hello')), 'text/plain', 'note.txt');

    own.onModuleDestroy();

    expect(await reading).toMatchObject({ text: null, error: 'The file could not be processed.' });
    const next = await own.process(
      await stored('again', Buffer.from('again')),
      'text/plain',
      'again.txt',
    );
    expect(next).toMatchObject({ text: 'again', error: null });
    own.onModuleDestroy();
  });

  it('keeps the event loop turning while a 200-page PDF is read', async () => {
    const file = await stored('long', await makePdf(200));
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);

    const result = await processor.process(file, PDF, 'long.pdf');
    done = true;

    expect(result.pages).toBe(200);
    expect(result.text?.split('\f')[199]).toBe('Page 200 of the test document.');
    // Reading happens in another process: this one went round its loop all along.
    expect(turns).toBeGreaterThan(200);
  });
});
