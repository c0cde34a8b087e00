import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('says that a legacy .doc needs LibreOffice when it is not installed', async () => {
    const noTools = new FileProcessor({
      fileProcessingTimeoutSeconds: 60,
      fileProcessingMaxMemoryMb: 512,
    });
    const path0 = process.env.PATH;
    // Only node's own folder: no soffice whatever the machine has.
    process.env.PATH = path.dirname(process.execPath);
    const reading = noTools.process(
      await stored('word97', Buffer.from('x')),
      'application/msword',
      'a.doc',
    );
    process.env.PATH = path0;

    expect(await reading).toMatchObject({
      text: null,
      error: 'A .doc file is read through LibreOffice, which is not installed on this server.',
    });
    noTools.onModuleDestroy();
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

  describe('with LibreOffice and ffmpeg installed (stand-ins on PATH that write what they would)', () => {
    let bin: string;
    let calls: string;
    let withTools: FileProcessor;

    /** An executable shell script named `name` in `bin`. */
    const tool = async (name: string, script: string) => {
      const file = path.join(bin, name);
      await writeFile(file, `#!/bin/sh\n${script}\n`);
      await chmod(file, 0o755);
    };

    beforeAll(async () => {
      bin = path.join(dir, 'bin');
      calls = path.join(dir, 'calls.log');
      await mkdir(bin);
      const converted = await stored('converted.pdf', await makePdf(['Converted page one', 'Two']));
      const frame = await stored('frame.png', await makePng(1280, 720));
      // soffice … --outdir <dir> <input>: writes <dir>/<input's name>.pdf.
      await tool(
        'soffice',
        `echo "$@" >> ${calls}
for a in "$@"; do case "$prev" in --outdir) out="$a";; esac; prev="$a"; input="$a"; done
mkdir -p "$out"; name=$(basename "$input"); cp ${converted} "$out/\${name%.*}.pdf"`,
      );
      // ffmpeg … -y <frame>: writes the frame.
      await tool('ffmpeg', `for a in "$@"; do last="$a"; done; cp ${frame} "$last"`);
      const path0 = process.env.PATH;
      process.env.PATH = `${bin}:${path0}`;
      withTools = new FileProcessor({
        fileProcessingTimeoutSeconds: 60,
        fileProcessingMaxMemoryMb: 512,
      });
      // The launcher takes PATH when it starts.
      await withTools.process(await stored('warm-up', Buffer.from('x')), 'text/plain', 'x.txt');
      process.env.PATH = path0;
    });
    afterAll(() => withTools?.onModuleDestroy());

    it('previews an office document through its PDF, with its own text and the page count of the PDF', async () => {
      const docx = await stored('memo', await makeDocx(['Memo on bus lanes']));

      const result = await withTools.process(docx, DOCX, 'memo.docx');

      expect(result).toMatchObject({ error: null, pages: 2, previewType: 'image/webp' });
      expect(result.text).toBe('Memo on bus lanes');
      expect(await sharp(result.preview!).metadata()).toMatchObject({ width: 339, height: 480 });
      const call = (await readFile(calls, 'utf8')).trim().split('\n').at(-1)!;
      expect(call).toMatch(
        /^-env:UserInstallation=file:\/\/\/\S+ --headless --norestore --convert-to pdf --outdir \S+ \S+\/document\.docx$/,
      );
    });

    it('reads the text of a legacy .doc from its PDF', async () => {
      const doc = await stored('old-memo', Buffer.from('stands for a Word 97 file'));

      const result = await withTools.process(doc, 'application/msword', 'old.doc');

      expect(result).toMatchObject({ error: null, pages: 2, text: 'Converted page one\fTwo' });
    });

    it('takes a video poster with ffmpeg', async () => {
      const video = await stored('clip', Buffer.from('stands for an MP4'));

      const result = await withTools.process(video, 'video/mp4', 'clip.mp4');

      expect(result).toMatchObject({ error: null, text: null, previewType: 'image/webp' });
      expect(await sharp(result.preview!).metadata()).toMatchObject({ width: 480, height: 270 });
    });
  });
});
