import request from 'supertest';
import * as Y from 'yjs';
import { PLAN_SECTIONS, PLAN_WORDS, planDocumentName } from '@iuc/domain';
import { CollabServer } from '../../collab/collab.server.js';
import { pdfStrings } from '../../test/pdf-reader.js';
import {
  addAction,
  completeAction,
  setUpPlanCast,
  writeRequiredSections,
  writeSection,
  type CastMember,
  type PlanCast,
} from '../../test/plan-fixture.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { readZipEntry } from '../../test/zip-reader.js';

/** supertest: collect any body as a Buffer. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('plan export: Markdown, DOCX, PDF', () => {
  let t: TestApp;
  let cast: PlanCast;
  let euTitle: string;
  let zhTitle: string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await setUpPlanCast(t);
    // The EU plan in Italian with text and actions; the partner plan in Chinese.
    await t.dataSource.query("UPDATE plans SET language = 'it' WHERE id = $1", [
      cast.plans.euPlanId,
    ]);
    zhTitle = '地方行动计划 — 净月区';
    await t.dataSource.query("UPDATE plans SET language = 'zh', title = $2 WHERE id = $1", [
      cast.plans.partnerPlanId,
      zhTitle,
    ]);
    // Stored as created, in English; exported in the plan's language (Italian).
    const stored: string = (
      await t.dataSource.query('SELECT title FROM plans WHERE id = $1', [cast.plans.euPlanId])
    )[0].title;
    expect(stored).toMatch(/^Local Action Plan — Torino /);
    euTitle = stored.replace('Local Action Plan — ', 'Piano d’azione locale — ');
    await write(cast.plans.euPlanId, (doc) => {
      writeRequiredSections(doc);
      writeSection(
        doc,
        'context',
        'Torino has 848,000 inhabitants.\nTraffic | parking are the main issues.',
      );
      addAction(doc, completeAction('a1', { title: 'Bici scuola pilot' }));
      addAction(
        doc,
        completeAction('a2', {
          title: 'Parking reform',
          type: 'strategic',
          cost: null,
          funding: [],
        }),
      );
    });
    await write(cast.plans.partnerPlanId, (doc) => {
      writeSection(doc, 'vision', '净月区建设自行车友好城市。');
      addAction(doc, completeAction('z1', { title: '自行车道试点' }));
    });
  });
  afterAll(() => t.close());

  /** Writes content through the sync server, as an editor's update would arrive. */
  async function write(planId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const doc = new Y.Doc();
    change(doc);
    await t.app.get(CollabServer).applyUpdate(planDocumentName(planId), Y.encodeStateAsUpdate(doc));
    doc.destroy();
  }
  const download = (planId: string, format: string, who: CastMember = 'viewer') =>
    request(t.url)
      .get(`/api/plans/${planId}/export?format=${format}`)
      .set('Authorization', `Bearer ${cast.tokens[who]}`)
      .buffer(true)
      .parse(binary);

  it('exports Markdown with a lang front matter, a heading per section, the text and the action table', async () => {
    const res = await download(cast.plans.euPlanId, 'md').expect(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="piano-d-azione-locale-torino-[0-9a-f]+\.md"; filename\*=UTF-8''Piano%20d%E2%80%99azione%20locale%20%E2%80%94%20Torino/,
    );
    const md = (res.body as Buffer).toString('utf8');
    expect(md).toMatch(/^---\ntitle: "Piano d’azione locale — Torino [0-9a-f]+"\nlang: it\n/);
    expect(md).toContain(`# ${euTitle}\n`);
    for (const s of PLAN_SECTIONS)
      expect(md).toContain(`\n## ${s.number}. ${PLAN_WORDS.it.section[s.key].title}\n`);
    expect(md).toContain('Traffic \\| parking are the main issues.');
    expect(md).toContain(
      '| Titolo | Tipo | Obiettivo | Capofila | Date | Costo | Finanziamento | Indicatori |',
    );
    expect(md).toMatch(
      /\| Bici scuola pilot \| Progetto pilota \| Safer cycling to school \| Mobility department \| 2026-03-01 – 2026-12-31 \| 120\.000\s€ \|/,
    );
    expect(md).toContain('| Parking reform | Azione strategica |');
  });

  it('exports a DOCX: a zip whose word/document.xml holds the title, headings and actions, with the language on the styles', async () => {
    const res = await download(cast.plans.euPlanId, 'docx').expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toMatch(
      /filename="piano-d-azione-locale-torino-[0-9a-f]+\.docx"/,
    );
    const zip = res.body as Buffer;
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const document = readZipEntry(zip, 'word/document.xml')!.toString('utf8');
    expect(document).toContain(euTitle);
    expect(document).toContain('3. Visione e obiettivi');
    expect(document).toContain(` · ${PLAN_WORDS.it.status.draft}</w:t>`);
    expect(document).toContain('A city where children cycle to school.');
    expect(document).toContain('<w:tbl>');
    expect(document).toContain('Bici scuola pilot');
    expect(document).toContain('Lane built: 0 → 4 km entro il 2026-12-31 (Di realizzazione)');
    expect(readZipEntry(zip, 'word/styles.xml')!.toString('utf8')).toContain(
      '<w:lang w:val="it"/>',
    );
    expect(readZipEntry(zip, 'docProps/core.xml')!.toString('utf8')).toContain(
      `<dc:title>${euTitle}</dc:title>`,
    );
  });

  it('exports a PDF with the title in its Info dictionary, the language in its catalog and a bookmark per section', async () => {
    const res = await download(cast.plans.euPlanId, 'pdf').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const titles = pdfStrings(pdf, 'Title');
    expect(titles).toContain(euTitle);
    for (const s of PLAN_SECTIONS)
      expect(titles).toContain(`${s.number}. ${PLAN_WORDS.it.section[s.key].title}`);
    expect(pdfStrings(pdf, 'Lang')).toEqual(['it']);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  });

  it('exports a Chinese plan as a PDF with embedded CJK glyphs and lang zh', async () => {
    const res = await download(cast.plans.partnerPlanId, 'pdf', 'partner').expect(200);
    const pdf = res.body as Buffer;
    expect(pdfStrings(pdf, 'Title')).toContain(zhTitle);
    expect(pdfStrings(pdf, 'Lang')).toEqual(['zh']);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="local-action-plan-[0-9a-f]{8}\.pdf"|^attachment; filename="plan-[0-9a-f]{8}\.pdf"/,
    );
    // Each Chinese glyph of the text comes from a Noto Sans SC slice: several slices are embedded.
    const fonts = pdf.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [];
    expect(new Set(fonts).size).toBeGreaterThan(2);
    const md = (
      await download(cast.plans.partnerPlanId, 'md', 'partner').expect(200)
    ).body.toString('utf8');
    expect(md).toContain('净月区建设自行车友好城市。');
    expect(md).toContain('lang: zh');
  });

  it('answers 404 to people who may not read the plan and 400 for an unknown format', async () => {
    await download(cast.plans.euPlanId, 'pdf', 'outsider').expect(404);
    await download(cast.plans.euPlanId, 'xls', 'coordinator').expect(400);
    await request(t.url)
      .get(`/api/plans/${cast.plans.euPlanId}/export`)
      .set('Authorization', `Bearer ${cast.tokens.coordinator}`)
      .expect(400);
  });
});
