import { diffActions, diffPlanContent } from './plan-diff.js';
import {
  PLAN_SECTION_KEYS,
  type PlanAction,
  type PlanContent,
  type PlanSectionKey,
} from './plan-template.js';

const action = (id: string, over: Partial<PlanAction> = {}): PlanAction => ({
  id,
  title: `Action ${id}`,
  type: 'strategic',
  objective: '',
  leadOrganisation: '',
  startDate: null,
  endDate: null,
  cost: null,
  currency: 'EUR',
  funding: [],
  indicators: [],
  sdgs: [],
  themes: [],
  inspiredBy: [],
  status: 'proposed',
  ...over,
});

const content = (
  sections: Partial<Record<PlanSectionKey, string>>,
  actions: PlanAction[] = [],
): PlanContent => ({
  sections: Object.fromEntries(PLAN_SECTION_KEYS.map((k) => [k, sections[k] ?? ''])) as Record<
    PlanSectionKey,
    string
  >,
  actions,
});

describe('diffActions', () => {
  it('matches actions by id: added, removed and changed (with the fields that changed)', () => {
    const version = [action('a'), action('b', { cost: 1000 }), action('c')];
    const current = [
      action('b', {
        cost: 2500,
        indicators: [
          {
            kind: 'output',
            name: 'km of lanes',
            unit: 'km',
            baseline: 0,
            target: 12,
            targetDate: null,
          },
        ],
      }),
      action('c'),
      action('d'),
    ];
    const diff = diffActions(version, current);
    expect(diff.added.map((a) => a.id)).toEqual(['d']);
    expect(diff.removed.map((a) => a.id)).toEqual(['a']);
    expect(diff.changed).toEqual([
      {
        id: 'b',
        title: 'Action b',
        changes: [
          { field: 'cost', versionValue: 1000, currentValue: 2500 },
          { field: 'indicators', versionValue: [], currentValue: current[0].indicators },
        ],
      },
    ]);
  });

  it('reports nothing for identical tables', () => {
    expect(diffActions([action('a')], [action('a')])).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});

describe('diffPlanContent', () => {
  it('gives all 12 sections in template order, flagging the changed ones', () => {
    const diff = diffPlanContent(
      content({ vision: 'Old vision.' }),
      content({ vision: 'New vision.', risks: 'Floods.' }),
    );
    expect(diff.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(diff.sections.filter((s) => s.changed).map((s) => s.key)).toEqual(['vision', 'risks']);
    const vision = diff.sections.find((s) => s.key === 'vision')!;
    expect(vision).toMatchObject({
      versionText: 'Old vision.',
      currentText: 'New vision.',
      title: 'Vision and objectives',
    });
    expect(vision.diff).toEqual([
      { op: 'delete', text: 'Old' },
      { op: 'insert', text: 'New' },
      { op: 'equal', text: ' vision.' },
    ]);
  });
});
