import { PLAN_SECTION_KEYS, type PlanContent, type PlanSectionKey } from '@iuc/domain';
import { completeAction } from '../../test/plan-fixture.js';
import { readAction, readPlanContent } from '../documents/plan-content.js';
import { actionCells, contentDisposition, exportFileNames, exportModel } from './export-model.js';
import { renderMarkdown } from './markdown.js';
import { PdfFontLibrary } from './pdf-fonts.js';
import * as Y from 'yjs';

const content = (sections: Partial<Record<PlanSectionKey, string>>): PlanContent => {
  const doc = new Y.Doc();
  const base = readPlanContent(doc);
  doc.destroy();
  return { ...base, sections: { ...base.sections, ...sections } };
};

describe('export model and Markdown (pure)', () => {
  const plan = { title: 'Local Action Plan — Málaga', language: 'es', status: 'draft' as const };

  it('names files safely: ASCII for filename, the full title for filename*', () => {
    expect(exportFileNames(plan.title, '0123456789abcdef', 'pdf')).toEqual({
      ascii: 'local-action-plan-malaga.pdf',
      unicode: 'Local Action Plan — Málaga.pdf',
    });
    expect(exportFileNames('地方行动计划 — 净月', '0123456789abcdef', 'md').ascii).toBe(
      'plan-01234567.md',
    );
    expect(exportFileNames('a/b\\c:"d"\r\n', 'x', 'md').unicode).toBe('a b c d.md');
    expect(contentDisposition({ ascii: 'a.pdf', unicode: "L'plan (1)—á.pdf" })).toBe(
      `attachment; filename="a.pdf"; filename*=UTF-8''L%27plan%20%281%29%E2%80%94%C3%A1.pdf`,
    );
  });

  it('formats an action row in the plan language (labels, money, numbers) with all eight columns', () => {
    const cells = actionCells(readAction(completeAction('a1'), 0), 'es');
    expect(cells).toHaveLength(8);
    expect(cells[0]).toBe('Pilot bike lane a1');
    expect(cells[1]).toBe('Proyecto piloto');
    expect(cells[4]).toBe('2026-03-01 – 2026-12-31');
    expect(cells[5]).toMatch(/120\.000\s€/);
    expect(cells[6]).toMatch(/^Presupuesto municipal: 80\.000\s€ \(Asegurada\)$/);
    expect(cells[7]).toBe('Lane built: 0 → 4 km para el 2026-12-31 (De producto)');
    // A language the UI lacks prints English labels; a source the template lacks, as written.
    const english = actionCells(
      {
        ...readAction(completeAction('a2'), 0),
        funding: [{ source: 'city_bonds', amount: 5, status: 'applied' }],
      },
      'ca',
    );
    expect(english[1]).toBe('Pilot project');
    expect(english[6]).toMatch(/^City bonds: .*\(Applied for\)$/);
  });

  it('writes front matter with lang, a heading per section and escapes what Markdown would read as markup', () => {
    const md = renderMarkdown(
      exportModel(
        plan,
        'Málaga',
        { ...content({ vision: '# not a heading\nuse *stars* | pipes' }), actions: [] },
        new Date('2026-01-02T03:04:05Z'),
      ),
    );
    // In the plan's language: the title as created, the template's headings and words.
    expect(md.startsWith('---\ntitle: "Plan de Acción Local — Málaga"\nlang: es\n')).toBe(true);
    expect(md).toContain('\n# Plan de Acción Local — Málaga\n');
    for (const n of [1, 5, 12]) expect(md).toMatch(new RegExp(`\\n## ${n}\\. `));
    expect(md).toContain('\n## 3. Visión y objetivos\n');
    expect(md).toContain('_Aún sin redactar._');
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('use \\*stars\\* \\| pipes');
    expect(md).toContain('_Todavía no hay acciones._');
    expect(PLAN_SECTION_KEYS).toHaveLength(12);
  });
});

describe('PDF fonts', () => {
  const library = new PdfFontLibrary();

  it('draws Chinese, Japanese kana, Greek and Czech letters with faces that have their glyphs', async () => {
    const text = 'Plan 净月区 ひらがな Αθήνα Řeka';
    const { runs, faces } = await library.runs(text, 'regular');
    expect(runs.map((r) => r.text).join('')).toBe(text);
    const byName = new Map(faces.map((f) => [f.name, f]));
    for (const run of runs) {
      for (const char of run.text.trim())
        expect(byName.get(run.font)!.font.hasGlyphForCodePoint(char.codePointAt(0)!)).toBe(true);
    }
    const fontOf = (char: string) => runs.find((r) => r.text.includes(char))!.font;
    expect(fontOf('净')).toMatch(/^sc-regular-/);
    expect(fontOf('Α')).toBe('sans-greek');
  });

  it('has a bold face for headings', async () => {
    const { runs } = await library.runs('Vision 愿景', 'bold');
    expect(runs.every((r) => r.font.startsWith('sc-bold-'))).toBe(true);
  });
});
