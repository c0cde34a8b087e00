/**
 * The Local Action Plan template (domain.md §3), its review workflow and submission rules. The
 * collaborative document of a plan holds each narrative section in the Y.XmlFragment named
 * `section:<key>` and the action table in the Y.Array named `actions` (one Y.Map per action).
 * Section titles and guidance, in every UI language, are in plan-words.ts.
 */
import { en } from './plan-words/en.js';

export const PLAN_SECTION_KEYS = [
  'context',
  'needs',
  'vision',
  'intervention-logic',
  'actions',
  'implementation',
  'resourcing',
  'monitoring',
  'risks',
  'participation',
  'learning',
  'alignment',
] as const;
export type PlanSectionKey = (typeof PLAN_SECTION_KEYS)[number];

export interface PlanSectionDefinition {
  key: PlanSectionKey;
  /** 1–12, as numbered in the template. */
  number: number;
  /** English title and guidance (plan-words.ts has them in every UI language). */
  title: string;
  guidance: string;
  /** Must hold text (or, for `actions`, at least one action) before the plan can be submitted. */
  requiredForSubmission: boolean;
}

/** Where each section stands in the template, and which must be filled before submission. */
const SECTION_ORDER: readonly { key: PlanSectionKey; requiredForSubmission: boolean }[] = [
  { key: 'context', requiredForSubmission: false },
  { key: 'needs', requiredForSubmission: false },
  { key: 'vision', requiredForSubmission: true },
  { key: 'intervention-logic', requiredForSubmission: false },
  { key: 'actions', requiredForSubmission: true },
  { key: 'implementation', requiredForSubmission: true },
  { key: 'resourcing', requiredForSubmission: true },
  { key: 'monitoring', requiredForSubmission: true },
  { key: 'risks', requiredForSubmission: false },
  { key: 'participation', requiredForSubmission: false },
  { key: 'learning', requiredForSubmission: false },
  { key: 'alignment', requiredForSubmission: false },
];

export const PLAN_SECTIONS: readonly PlanSectionDefinition[] = SECTION_ORDER.map((s, i) => ({
  ...s,
  number: i + 1,
  title: en.section[s.key].title,
  guidance: en.section[s.key].guidance,
}));

export const sectionFragmentName = (key: PlanSectionKey): string => `section:${key}`;

/** The id of a section's element in the web client, and so the fragment of a link to it. */
export const planSectionAnchor = (key: PlanSectionKey): string => `plan-section-${key}`;

/** A plan's path that opens at one section. */
export const planSectionPath = (planId: string, key: PlanSectionKey): string =>
  `/plans/${planId}#${planSectionAnchor(key)}`;
export const ACTIONS_ARRAY_NAME = 'actions';
export const planDocumentName = (planId: string): string => `plan.${planId}`;

export const ACTION_TYPES = [
  'strategic',
  'pilot_project',
  'small_scale_testing',
  'enabling',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_STATUSES = [
  'proposed',
  'planned',
  'in_progress',
  'completed',
  'dropped',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const FUNDING_SOURCES = [
  'municipal',
  'national',
  'eu_fund',
  'ifi_loan',
  'private_ppp',
  'philanthropy',
  'in_kind',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_STATUSES = ['identified', 'applied', 'secured'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const INDICATOR_KINDS = ['output', 'result'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface FundingLine {
  source: FundingSource | string;
  amount: number | null;
  status: FundingStatus | string;
}

export interface Indicator {
  kind: IndicatorKind | string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
}

/** One action as projected from the document (every field tolerant of half-filled rows). */
export interface PlanAction {
  id: string;
  title: string;
  type: ActionType | string;
  objective: string;
  leadOrganisation: string;
  startDate: string | null;
  endDate: string | null;
  cost: number | null;
  currency: string;
  funding: FundingLine[];
  indicators: Indicator[];
  sdgs: number[];
  themes: string[];
  /**
   * Library items (resource ids) the action is inspired by (domain.md Action.inspired_by): in the
   * action's Y.Map under `inspiredBy`, a Y.Array of uuid strings, at most ACTION_INSPIRED_BY_MAX.
   */
  inspiredBy: string[];
  status: ActionStatus | string;
}

/** How many library items one action may cite. */
export const ACTION_INSPIRED_BY_MAX = 10;

/** The plain content of a plan: what projections, exports and the submission check read. */
export interface PlanContent {
  sections: Record<PlanSectionKey, string>;
  actions: PlanAction[];
}

export const PLAN_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'approved',
  'adopted',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Review transitions: from → to, and who may make them. */
export const PLAN_TRANSITIONS: readonly {
  from: PlanStatus;
  to: PlanStatus;
  by: 'city' | 'programme';
}[] = [
  { from: 'draft', to: 'submitted', by: 'city' },
  { from: 'changes_requested', to: 'submitted', by: 'city' },
  { from: 'submitted', to: 'changes_requested', by: 'programme' },
  { from: 'submitted', to: 'approved', by: 'programme' },
  { from: 'approved', to: 'adopted', by: 'city' },
];

export type SubmissionProblemCode =
  | 'section-empty'
  | 'no-actions'
  | 'action-without-objective'
  | 'action-without-indicator'
  | 'no-pilot';

export interface SubmissionProblem {
  code: SubmissionProblemCode;
  section?: PlanSectionKey;
  actionId?: string;
  actionTitle?: string;
  message: string;
}

export interface SubmissionCheck {
  ok: boolean;
  problems: SubmissionProblem[];
  /** Not blocking: less than half of the funding is secured. */
  warnings: { code: 'funding-mostly-unsecured'; securedShare: number; message: string }[];
}

/** The template's rules for submitting a plan for review (domain.md §3 Validation). */
export function checkSubmission(content: PlanContent): SubmissionCheck {
  const problems: SubmissionProblem[] = [];
  for (const section of PLAN_SECTIONS) {
    if (!section.requiredForSubmission || section.key === 'actions') continue;
    if (!content.sections[section.key]?.trim()) {
      problems.push({
        code: 'section-empty',
        section: section.key,
        message: `Section ${section.number} (${section.title}) is empty.`,
      });
    }
  }
  if (content.actions.length === 0) {
    problems.push({
      code: 'no-actions',
      section: 'actions',
      message: 'The action table has no actions.',
    });
  }
  for (const action of content.actions) {
    const name = action.title.trim() || 'An untitled action';
    if (!action.objective.trim()) {
      problems.push({
        code: 'action-without-objective',
        section: 'actions',
        actionId: action.id,
        actionTitle: action.title,
        message: `${name} has no objective.`,
      });
    }
    if (!action.indicators.some((i) => i.name.trim())) {
      problems.push({
        code: 'action-without-indicator',
        section: 'actions',
        actionId: action.id,
        actionTitle: action.title,
        message: `${name} has no indicator.`,
      });
    }
  }
  if (content.actions.length > 0 && !content.actions.some((a) => a.type === 'pilot_project')) {
    problems.push({
      code: 'no-pilot',
      section: 'actions',
      message: 'The plan needs at least one pilot project.',
    });
  }
  const warnings: SubmissionCheck['warnings'] = [];
  const lines = content.actions
    .flatMap((a) => a.funding)
    .filter((f) => typeof f.amount === 'number' && f.amount > 0);
  const total = lines.reduce((s, f) => s + (f.amount ?? 0), 0);
  if (total > 0) {
    const secured = lines
      .filter((f) => f.status === 'secured')
      .reduce((s, f) => s + (f.amount ?? 0), 0);
    const share = secured / total;
    if (share < 0.5) {
      warnings.push({
        code: 'funding-mostly-unsecured',
        securedShare: share,
        message: `Only ${Math.round(share * 100)}% of the funding is secured.`,
      });
    }
  }
  return { ok: problems.length === 0, problems, warnings };
}
