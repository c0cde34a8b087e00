/**
 * The Local Action Plan template (domain.md §3), its review workflow and submission rules. The
 * collaborative document of a plan holds each narrative section in the Y.XmlFragment named
 * `section:<key>` and the action table in the Y.Array named `actions` (one Y.Map per action).
 * Section titles and guidance are translated in the web client's locales under `plan.section.<key>`.
 */

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
  /** English title and guidance; the web shows translations by key. */
  title: string;
  guidance: string;
  /** Must hold text (or, for `actions`, at least one action) before the plan can be submitted. */
  requiredForSubmission: boolean;
}

export const PLAN_SECTIONS: readonly PlanSectionDefinition[] = [
  { key: 'context', number: 1, title: 'Context and baseline', guidance: 'Profile of the city, the policy context and the evidence the plan starts from.', requiredForSubmission: false },
  { key: 'needs', number: 2, title: 'Needs and problem analysis', guidance: 'The problem tree and the stakeholder map: what must change, for whom, and why.', requiredForSubmission: false },
  { key: 'vision', number: 3, title: 'Vision and objectives', guidance: 'Where the city wants to be and the objectives that lead there.', requiredForSubmission: true },
  { key: 'intervention-logic', number: 4, title: 'Intervention logic', guidance: 'The logframe: how activities lead to outputs, results and the objectives.', requiredForSubmission: false },
  { key: 'actions', number: 5, title: 'Action table', guidance: 'The actions, with at least one viable short-term pilot; each with an objective and at least one indicator.', requiredForSubmission: true },
  { key: 'implementation', number: 6, title: 'Implementation plan', guidance: 'Timeline, responsibilities and governance.', requiredForSubmission: true },
  { key: 'resourcing', number: 7, title: 'Resourcing and funding', guidance: 'What each action costs and where the money comes from; which funding is secured.', requiredForSubmission: true },
  { key: 'monitoring', number: 8, title: 'Monitoring and results framework', guidance: 'Indicators with baseline and target, and how they will be measured.', requiredForSubmission: true },
  { key: 'risks', number: 9, title: 'Risk analysis', guidance: 'Risks, their likelihood and impact, and how they are mitigated.', requiredForSubmission: false },
  { key: 'participation', number: 10, title: 'Participatory process', guidance: 'The local group, the consultation on the draft and the launch.', requiredForSubmission: false },
  { key: 'learning', number: 11, title: 'Learning from the partner', guidance: 'Practices learnt from the partner city and how they were adapted.', requiredForSubmission: false },
  { key: 'alignment', number: 12, title: 'Alignment', guidance: 'How the plan serves the SDGs, the New Urban Agenda, the Sendai Framework and the Paris Agreement.', requiredForSubmission: false },
];

export const sectionFragmentName = (key: PlanSectionKey): string => `section:${key}`;

/** The id of a section's element in the web client, and so the fragment of a link to it. */
export const planSectionAnchor = (key: PlanSectionKey): string => `plan-section-${key}`;

/** A plan's path that opens at one section. */
export const planSectionPath = (planId: string, key: PlanSectionKey): string => `/plans/${planId}#${planSectionAnchor(key)}`;
export const ACTIONS_ARRAY_NAME = 'actions';
export const planDocumentName = (planId: string): string => `plan.${planId}`;

export const ACTION_TYPES = ['strategic', 'pilot_project', 'small_scale_testing', 'enabling'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_STATUSES = ['proposed', 'planned', 'in_progress', 'completed', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const FUNDING_SOURCES = ['municipal', 'national', 'eu_fund', 'ifi_loan', 'private_ppp', 'philanthropy', 'in_kind'] as const;
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
  status: ActionStatus | string;
}

/** The plain content of a plan: what projections, exports and the submission check read. */
export interface PlanContent {
  sections: Record<PlanSectionKey, string>;
  actions: PlanAction[];
}

export const PLAN_STATUSES = ['draft', 'submitted', 'changes_requested', 'approved', 'adopted'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Review transitions: from → to, and who may make them. */
export const PLAN_TRANSITIONS: readonly { from: PlanStatus; to: PlanStatus; by: 'city' | 'programme' }[] = [
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
      problems.push({ code: 'section-empty', section: section.key, message: `Section ${section.number} (${section.title}) is empty.` });
    }
  }
  if (content.actions.length === 0) {
    problems.push({ code: 'no-actions', section: 'actions', message: 'The action table has no actions.' });
  }
  for (const action of content.actions) {
    const name = action.title.trim() || 'An untitled action';
    if (!action.objective.trim()) {
      problems.push({ code: 'action-without-objective', section: 'actions', actionId: action.id, actionTitle: action.title, message: `${name} has no objective.` });
    }
    if (!action.indicators.some((i) => i.name.trim())) {
      problems.push({ code: 'action-without-indicator', section: 'actions', actionId: action.id, actionTitle: action.title, message: `${name} has no indicator.` });
    }
  }
  if (content.actions.length > 0 && !content.actions.some((a) => a.type === 'pilot_project')) {
    problems.push({ code: 'no-pilot', section: 'actions', message: 'The plan needs at least one pilot project.' });
  }
  const warnings: SubmissionCheck['warnings'] = [];
  const lines = content.actions.flatMap((a) => a.funding).filter((f) => typeof f.amount === 'number' && f.amount > 0);
  const total = lines.reduce((s, f) => s + (f.amount ?? 0), 0);
  if (total > 0) {
    const secured = lines.filter((f) => f.status === 'secured').reduce((s, f) => s + (f.amount ?? 0), 0);
    const share = secured / total;
    if (share < 0.5) {
      warnings.push({ code: 'funding-mostly-unsecured', securedShare: share, message: `Only ${Math.round(share * 100)}% of the funding is secured.` });
    }
  }
  return { ok: problems.length === 0, problems, warnings };
}
