/**
 * What every export format shows: the plan's title and language, its 12 sections and the action
 * table, with the table's cells formatted once here so that Markdown, DOCX and PDF agree.
 */
import {
  PLAN_SECTIONS,
  type PlanAction,
  type PlanContent,
  type PlanSectionKey,
  type PlanStatus,
} from '@iuc/domain';

export interface ExportSection {
  key: PlanSectionKey;
  number: number;
  title: string;
  /** Plain text; paragraphs separated by line breaks. */
  text: string;
}

export interface PlanExportModel {
  title: string;
  /** BCP-47 language of the plan's text. */
  language: string;
  authorityName: string;
  status: PlanStatus;
  generatedAt: Date;
  sections: ExportSection[];
  actions: PlanAction[];
}

export const EMPTY_SECTION = 'Not written yet.';
export const NO_ACTIONS = 'No actions yet.';
/** The section after whose text the action table is printed. */
export const ACTION_TABLE_SECTION: PlanSectionKey = 'actions';

export const ACTION_COLUMNS = [
  'Title',
  'Type',
  'Objective',
  'Lead',
  'Dates',
  'Cost',
  'Funding',
  'Indicators',
] as const;

export function exportModel(
  plan: { title: string; language: string; status: PlanStatus },
  authorityName: string,
  content: PlanContent,
  generatedAt = new Date(),
): PlanExportModel {
  return {
    title: plan.title,
    language: plan.language,
    authorityName,
    status: plan.status,
    generatedAt,
    sections: PLAN_SECTIONS.map((s) => ({
      key: s.key,
      number: s.number,
      title: s.title,
      text: content.sections[s.key] ?? '',
    })),
    actions: content.actions,
  };
}

export const sectionHeading = (s: ExportSection) => `${s.number}. ${s.title}`;

/** Paragraphs of a section's text (blank lines dropped). */
export const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const humanise = (code: string) =>
  code ? code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ') : '';

function money(amount: number | null, currency: string, language: string): string {
  if (amount === null) return '';
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    // A currency code Intl does not know: still show the figure.
    return `${new Intl.NumberFormat('en').format(amount)} ${currency}`.trim();
  }
}

const num = (n: number | null, language: string) =>
  n === null ? '?' : new Intl.NumberFormat(language).format(n);

/** One row of the action table, as text cells in ACTION_COLUMNS order (multi-line cells use \n). */
export function actionCells(action: PlanAction, language: string): string[] {
  const dates =
    action.startDate || action.endDate
      ? `${action.startDate ?? '…'} – ${action.endDate ?? '…'}`
      : '';
  const funding = action.funding
    .map(
      (f) =>
        `${humanise(f.source)}: ${money(f.amount, action.currency, language) || '?'} (${f.status})`,
    )
    .join('\n');
  const indicators = action.indicators
    .filter((i) => i.name.trim())
    .map((i) => {
      const unit = i.unit ? ` ${i.unit}` : '';
      const by = i.targetDate ? ` by ${i.targetDate}` : '';
      return `${i.name}: ${num(i.baseline, language)} → ${num(i.target, language)}${unit}${by} (${i.kind})`;
    })
    .join('\n');
  return [
    action.title || 'Untitled action',
    humanise(action.type),
    action.objective,
    action.leadOrganisation,
    dates,
    money(action.cost, action.currency, language),
    funding,
    indicators,
  ];
}

/** An ASCII file name for Content-Disposition's `filename`, and the full one for `filename*`. */
export function exportFileNames(
  title: string,
  planId: string,
  extension: string,
): { ascii: string; unicode: string } {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const unicode = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return {
    ascii: `${slug || `plan-${planId.slice(0, 8)}`}.${extension}`,
    unicode: `${unicode || `plan-${planId.slice(0, 8)}`}.${extension}`,
  };
}

/** `attachment` with both names (RFC 6266 / RFC 5987). */
export function contentDisposition(names: { ascii: string; unicode: string }): string {
  const encoded = encodeURIComponent(names.unicode).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}
