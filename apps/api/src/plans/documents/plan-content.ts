/**
 * Reads a plan's Y.Doc into plain content (section text and action rows) and writes structured
 * pieces into it. Projections, exports and the submission check all start from here.
 */
import * as Y from 'yjs';
import {
  ACTION_INSPIRED_BY_MAX,
  ACTIONS_ARRAY_NAME,
  PLAN_SECTION_KEYS,
  sectionFragmentName,
  type FundingLine,
  type Indicator,
  type PlanAction,
  type PlanContent,
  type PlanSectionKey,
} from '@iuc/domain';
import { isUuid } from '../../common/ids.js';

/**
 * Deepest nesting read: a TipTap document nests a few levels per list, an action three (action,
 * funding, line). Deeper content (only a hostile writer makes it) is left out, not recursed into
 * until the stack runs out.
 */
const MAX_XML_DEPTH = 100;
const MAX_ACTION_DEPTH = 8;

/** Block-level TipTap nodes: each ends a line in plain text. */
const BLOCKS = new Set([
  'paragraph',
  'heading',
  'listItem',
  'blockquote',
  'codeBlock',
  'tableRow',
  'horizontalRule',
]);

function xmlText(node: Y.XmlElement | Y.XmlText | Y.XmlHook, out: string[], depth = 0): void {
  if (depth > MAX_XML_DEPTH) return;
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { insert: unknown }[])
      if (typeof op.insert === 'string') out.push(op.insert);
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  if (node.nodeName === 'tableCell' || node.nodeName === 'tableHeader') out.push(' ');
  for (const child of node.toArray()) xmlText(child as Y.XmlElement | Y.XmlText, out, depth + 1);
  if (BLOCKS.has(node.nodeName)) out.push('\n');
}

/** The plain text of one narrative section. */
export function sectionText(doc: Y.Doc, key: PlanSectionKey): string {
  const out: string[] = [];
  for (const child of doc.getXmlFragment(sectionFragmentName(key)).toArray())
    xmlText(child as Y.XmlElement | Y.XmlText, out);
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
/**
 * A value of the action table as plain data. Only maps, arrays and text belong there: anything
 * else a writer put in (XML, whose toJSON throws on a child that is not a node) reads as absent.
 */
const plain = (v: unknown, depth = 0): unknown => {
  if (depth > MAX_ACTION_DEPTH) return undefined;
  if (v instanceof Y.Map)
    return Object.fromEntries([...v.entries()].map(([k, x]) => [k, plain(x, depth + 1)]));
  if (v instanceof Y.Array) return v.toArray().map((x) => plain(x, depth + 1));
  if (v instanceof Y.Text && !(v instanceof Y.XmlText)) return v.toString();
  return v instanceof Y.AbstractType ? undefined : v;
};
const list = (v: unknown): Record<string, unknown>[] => {
  const value = plain(v);
  return Array.isArray(value)
    ? value.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
    : [];
};

/** One action of the `actions` Y.Array (a Y.Map, or a plain object from older clients). */
export function readAction(item: unknown, index: number): PlanAction {
  const a = (plain(item) ?? {}) as Record<string, unknown>;
  const funding: FundingLine[] = list(a.funding).map((f) => ({
    source: str(f.source),
    amount: num(f.amount),
    status: str(f.status) || 'identified',
  }));
  const indicators: Indicator[] = list(a.indicators).map((i) => ({
    kind: str(i.kind) || 'output',
    name: str(i.name),
    unit: str(i.unit),
    baseline: num(i.baseline),
    target: num(i.target),
    targetDate: str(i.targetDate) || null,
  }));
  const arr = (v: unknown) => (Array.isArray(plain(v)) ? (plain(v) as unknown[]) : []);
  return {
    id: str(a.id) || `action-${index + 1}`,
    title: str(a.title),
    type: str(a.type) || 'strategic',
    objective: str(a.objective),
    leadOrganisation: str(a.leadOrganisation),
    startDate: str(a.startDate) || null,
    endDate: str(a.endDate) || null,
    cost: num(a.cost),
    currency: str(a.currency) || 'EUR',
    funding,
    indicators,
    sdgs: arr(a.sdgs)
      .map(num)
      .filter((n): n is number => n !== null && Number.isInteger(n) && n >= 1 && n <= 17),
    themes: arr(a.themes).map(str).filter(Boolean),
    // Only well-formed, distinct ids count, and only so many: the projection stores them as uuid[].
    inspiredBy: [...new Set(arr(a.inspiredBy).map(str).filter(isUuid))].slice(
      0,
      ACTION_INSPIRED_BY_MAX,
    ),
    status: str(a.status) || 'proposed',
  };
}

export function readPlanContent(doc: Y.Doc): PlanContent {
  const sections = Object.fromEntries(
    PLAN_SECTION_KEYS.map((k) => [k, sectionText(doc, k)]),
  ) as Record<PlanSectionKey, string>;
  const actions = doc.getArray(ACTIONS_ARRAY_NAME).toArray().map(readAction);
  return { sections, actions };
}

/** Builds a Y.Map for an action (used by seeds and tests; the web client builds the same shape). */
export function actionToYMap(action: Partial<PlanAction> & { id: string }): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(action)) {
    if (key === 'funding' || key === 'indicators') {
      const arr = new Y.Array<Y.Map<unknown>>();
      arr.push((value as object[]).map((row) => new Y.Map(Object.entries(row))));
      map.set(key, arr);
    } else if (key === 'sdgs' || key === 'themes' || key === 'inspiredBy') {
      const arr = new Y.Array<unknown>();
      arr.push(value as unknown[]);
      map.set(key, arr);
    } else map.set(key, value);
  }
  return map;
}

/** Replaces a section's text by one TipTap paragraph per line (seeds and tests). */
export function writeSectionText(doc: Y.Doc, key: PlanSectionKey, text: string): void {
  const fragment = doc.getXmlFragment(sectionFragmentName(key));
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      text.split('\n').map((line) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(line)]);
        return paragraph;
      }),
    );
  });
}
