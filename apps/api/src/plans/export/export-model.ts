/**
 * What every export format shows: the plan's title and language, its 12 sections and the action
 * table, with the table's cells formatted once here so that Markdown, DOCX and PDF agree.
 */
import {
  fillWords,
  PLAN_SECTIONS,
  planWords,
  provisionedPlanCity,
  type PlanAction,
  type PlanContent,
  type PlanSectionKey,
  type PlanStatus,
  type PlanWords,
} from '@iuc/domain';

export interface ExportSection {
  key: PlanSectionKey;
  number: number;
  /** "3. Vision and objectives", in the plan's language. */
  heading: string;
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
  /** The action table's rows, as text cells in the header's order (see actionCells). */
  actionRows: string[][];
  /** What the export prints besides the plan's own text, in the plan's language. */
  words: {
    /** The plan's review status. */
    status: string;
    notWritten: string;
    noActions: string;
    /** The action table's header. */
    columns: string[];
  };
}

/** The section after whose text the action table is printed. */
export const ACTION_TABLE_SECTION: PlanSectionKey = 'actions';

const COLUMN_ORDER = [
  'title',
  'type',
  'objective',
  'lead',
  'dates',
  'cost',
  'funding',
  'indicators',
] as const;

export function exportModel(
  plan: { title: string; language: string; status: PlanStatus },
  authorityName: string,
  content: PlanContent,
  generatedAt = new Date(),
): PlanExportModel {
  // The template's words in the plan's language: a plan written in Chinese reads Chinese headings.
  const words = planWords(plan.language);
  const city = provisionedPlanCity(plan.title);
  return {
    title: city === null ? plan.title : fillWords(words.titleOf, { city }),
    language: plan.language,
    authorityName,
    status: plan.status,
    generatedAt,
    sections: PLAN_SECTIONS.map((s) => ({
      key: s.key,
      number: s.number,
      heading: fillWords(words.sectionTitle, {
        number: s.number,
        title: words.section[s.key].title,
      }),
      text: content.sections[s.key] ?? '',
    })),
    actionRows: content.actions.map((a) => actionCells(a, plan.language, words)),
    words: {
      status: words.status[plan.status],
      notWritten: words.exportText.notWritten,
      noActions: words.exportText.noActions,
      columns: COLUMN_ORDER.map((c) => words.exportText.columns[c]),
    },
  };
}

/** Paragraphs of a section's text (blank lines dropped). */
export const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const humanise = (code: string) =>
  code ? code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ') : '';

/** A code's label in `labels`; a code the template does not know (free text) as it is. */
function label(labels: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(labels, code) ? labels[code] : humanise(code);
}

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

/** One row of the action table, in the header's order, in the plan's language (multi-line cells use \n). */
export function actionCells(
  action: PlanAction,
  language: string,
  words: PlanWords = planWords(language),
): string[] {
  const dates =
    action.startDate || action.endDate
      ? `${action.startDate ?? '…'} – ${action.endDate ?? '…'}`
      : '';
  const funding = action.funding
    .map(
      (f) =>
        `${label(words.fundingSource, f.source)}: ${money(f.amount, action.currency, language) || '?'} (${label(words.fundingStatus, f.status)})`,
    )
    .join('\n');
  const indicators = action.indicators
    .filter((i) => i.name.trim())
    .map((i) => {
      const unit = i.unit ? ` ${i.unit}` : '';
      const by = i.targetDate
        ? ` ${fillWords(words.exportText.indicatorBy, { date: i.targetDate })}`
        : '';
      return `${i.name}: ${num(i.baseline, language)} → ${num(i.target, language)}${unit}${by} (${label(words.indicatorKind, i.kind)})`;
    })
    .join('\n');
  return [
    action.title || words.exportText.untitledAction,
    label(words.actionType, action.type),
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
