/**
 * What changed in a plan between a saved version and now: each narrative section as a text diff,
 * and the action table as added, removed and changed actions (matched by action id).
 */
import {
  PLAN_SECTIONS,
  type PlanAction,
  type PlanContent,
  type PlanSectionKey,
} from './plan-template.js';
import { diffText, type DiffSegment } from './text-diff.js';

export interface PlanSectionDiff {
  key: PlanSectionKey;
  number: number;
  title: string;
  versionText: string;
  currentText: string;
  changed: boolean;
  /** From the version's text to the current text. */
  diff: DiffSegment[];
}

/** The compared fields; citations of library items (`inspiredBy`) are not part of the diff yet. */
export type ActionField = Exclude<keyof PlanAction, 'id' | 'inspiredBy'>;

export interface ActionFieldChange {
  field: ActionField;
  versionValue: unknown;
  currentValue: unknown;
}

export interface ActionChange {
  id: string;
  /** The current title (the version's when the title was cleared). */
  title: string;
  changes: ActionFieldChange[];
}

export interface ActionTableDiff {
  /** In the current table only. */
  added: PlanAction[];
  /** In the version only. */
  removed: PlanAction[];
  changed: ActionChange[];
}

export interface PlanContentDiff {
  sections: PlanSectionDiff[];
  actions: ActionTableDiff;
}

const ACTION_FIELDS: readonly ActionField[] = [
  'title',
  'type',
  'objective',
  'leadOrganisation',
  'startDate',
  'endDate',
  'cost',
  'currency',
  'funding',
  'indicators',
  'sdgs',
  'themes',
  'status',
];

// Field values are plain JSON (strings, numbers, arrays of plain objects).
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffActions(
  version: readonly PlanAction[],
  current: readonly PlanAction[],
): ActionTableDiff {
  const before = new Map(version.map((a) => [a.id, a]));
  const now = new Map(current.map((a) => [a.id, a]));
  const changed: ActionChange[] = [];
  for (const action of current) {
    const old = before.get(action.id);
    if (!old) continue;
    const changes = ACTION_FIELDS.filter((f) => !same(old[f], action[f])).map((field) => ({
      field,
      versionValue: old[field],
      currentValue: action[field],
    }));
    if (changes.length) changed.push({ id: action.id, title: action.title || old.title, changes });
  }
  return {
    added: current.filter((a) => !before.has(a.id)),
    removed: version.filter((a) => !now.has(a.id)),
    changed,
  };
}

export function diffPlanContent(version: PlanContent, current: PlanContent): PlanContentDiff {
  return {
    sections: PLAN_SECTIONS.map((s) => {
      const versionText = version.sections[s.key] ?? '';
      const currentText = current.sections[s.key] ?? '';
      return {
        key: s.key,
        number: s.number,
        title: s.title,
        versionText,
        currentText,
        changed: versionText !== currentText,
        diff: diffText(versionText, currentText),
      };
    }),
    actions: diffActions(version.actions, current.actions),
  };
}
