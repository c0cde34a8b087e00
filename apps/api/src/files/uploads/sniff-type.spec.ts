import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sniffType } from './sniff-type.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);

describe('sniffType: the type by the bytes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'iuc-sniff-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function sniff(bytes: Buffer | string, name: string) {
    const file = path.join(dir, randomBytes(4).toString('hex'));
    await writeFile(file, bytes);
    return sniffType(file, name);
  }

  it.each([
    [Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200)]), 'report.pdf', 'application/pdf'],
    [PNG, 'photo.jpg', 'image/png'],
    ['a,b\n1,2\n', 'data.csv', 'text/csv'],
    ['# Lessons\n', 'notes.md', 'text/markdown'],
    ['plain words, ünïcödé 日本語', 'README', 'text/plain'],
    [
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'map.svg',
      'image/svg+xml',
    ],
    ['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'map.svg', 'image/svg+xml'],
  ])('accepts %#: %s as %s', async (bytes, name, type) => {
    expect(await sniff(bytes, name)).toEqual({ ok: true, type });
  });

  it.each([
    ['<!DOCTYPE html><html><script>alert(1)</script></html>', 'report.pdf', 'HTML'],
    ['<html><body>hi</body></html>', 'page.txt', 'HTML'],
    ['<?xml version="1.0"?><note/>', 'data.xml', 'XML'],
    ['just text', 'report.pdf', 'named ".pdf"'],
    ['', 'notes.txt', 'empty'],
    [randomBytes(4096), 'report.pdf', 'not of an accepted type'],
    [Buffer.from('MZ\x90\x00'.padEnd(200, '\x00'), 'binary'), 'setup.pdf', 'not'],
  ])('refuses %#: %s named %s', async (bytes, name, why) => {
    const sniffed = await sniff(bytes, name);
    expect(sniffed.ok).toBe(false);
    expect(sniffed.ok ? '' : sniffed.reason).toContain(why);
  });
});
