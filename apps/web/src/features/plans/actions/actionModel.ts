/**
 * The action table as Yjs data (the shape the server reads in plan-content.ts): the Y.Array
 * `actions` holds one Y.Map per action; funding lines and indicators are Y.Arrays of Y.Maps, SDGs
 * and themes Y.Arrays of values. Every edit sets one key of one map, so two people changing
 * different fields of the same action (or different rows) both keep their change.
 */
import * as Y from 'yjs';

export type YRecord = Y.Map<unknown>;

export type RowsField = 'funding' | 'indicators';
/** Arrays of plain values: SDG numbers, theme codes, and the library items an action cites. */
export type TagsField = 'sdgs' | 'themes' | 'inspiredBy';

/** Defaults of a new row, by table. */
export const NEW_ROW: Record<RowsField, () => Record<string, unknown>> = {
  funding: () => ({ source: 'municipal', amount: null, status: 'identified' }),
  indicators: () => ({
    kind: 'output',
    name: '',
    unit: '',
    baseline: null,
    target: null,
    targetDate: null,
  }),
};

/** Runs `change` as one transaction of the type's document (a type not yet in one just runs it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function transact(type: Y.AbstractType<any>, change: () => void): void {
  if (type.doc) type.doc.transact(change);
  else change();
}

export function createAction(id: string = crypto.randomUUID()): YRecord {
  const action = new Y.Map<unknown>();
  const fields: Record<string, unknown> = {
    id,
    title: '',
    type: 'strategic',
    objective: '',
    leadOrganisation: '',
    startDate: null,
    endDate: null,
    cost: null,
    currency: 'EUR',
    status: 'proposed',
  };
  for (const [key, value] of Object.entries(fields)) action.set(key, value);
  for (const key of ['funding', 'indicators', 'sdgs', 'themes', 'inspiredBy'])
    action.set(key, new Y.Array());
  return action;
}

/** Appends a new action; returns its id. */
export function addAction(actions: Y.Array<YRecord>): string {
  const action = createAction();
  actions.push([action]);
  return action.get('id') as string;
}

/**
 * Moves an item. Yjs has no move: the item is copied to its new place and removed from the old one,
 * in one transaction (an edit someone makes to it at that very moment is lost).
 */
export function moveItem<T>(array: Y.Array<T>, from: number, to: number): void {
  if (from === to || to < 0 || to >= array.length) return;
  transact(array, () => {
    const item = array.get(from);
    const copy = (item instanceof Y.AbstractType ? item.clone() : item) as T;
    array.delete(from, 1);
    array.insert(to, [copy]);
  });
}

export function removeItem<T>(array: Y.Array<T>, index: number): void {
  if (index >= 0 && index < array.length) array.delete(index, 1);
}

/** Text of a field, whatever was stored. */
export function textOf(map: YRecord, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Number of a field, or null (older clients may have stored numeric strings). */
export function numberOf(map: YRecord, key: string): number | null {
  const value = map.get(key);
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim()
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? n : null;
}

/** Funding lines or indicators, or null when the action has none stored as Yjs rows. */
export function rowsOf(action: YRecord, key: RowsField): Y.Array<YRecord> | null {
  const rows = action.get(key);
  return rows instanceof Y.Array ? (rows as Y.Array<YRecord>) : null;
}

/** For writing: the rows as a Y.Array, converting plain rows an older client may have stored. */
function ensureRows(action: YRecord, key: RowsField): Y.Array<YRecord> {
  const existing = rowsOf(action, key);
  if (existing) return existing;
  const stored = action.get(key);
  const rows = new Y.Array<YRecord>();
  if (Array.isArray(stored)) {
    rows.push(
      stored
        .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
        .map((r) => new Y.Map(Object.entries(r))),
    );
  }
  action.set(key, rows);
  return rows;
}

export function addRow(action: YRecord, key: RowsField): void {
  transact(action, () => ensureRows(action, key).push([new Y.Map(Object.entries(NEW_ROW[key]()))]));
}

/** SDG numbers, theme codes or library item ids. */
export function tagsOf(action: YRecord, key: TagsField): (string | number)[] {
  const tags = action.get(key);
  if (tags instanceof Y.Array) return tags.toArray() as (string | number)[];
  return Array.isArray(tags) ? (tags as (string | number)[]) : [];
}

/**
 * Sets the tags by removing and adding only what changed, so a tag someone else adds meanwhile
 * survives.
 */
export function setTags(action: YRecord, key: TagsField, next: (string | number)[]): void {
  transact(action, () => {
    let tags = action.get(key);
    if (!(tags instanceof Y.Array)) {
      const fresh = new Y.Array<unknown>();
      fresh.push(Array.isArray(tags) ? tags : []);
      action.set(key, fresh);
      tags = fresh;
    }
    const array = tags as Y.Array<unknown>;
    const wanted = new Set(next);
    for (let i = array.length - 1; i >= 0; i--) {
      if (!wanted.has(array.get(i) as string | number)) array.delete(i, 1);
    }
    const have = new Set(array.toArray());
    const added = next.filter((t) => !have.has(t));
    if (added.length) array.push(added);
  });
}

const keys = new WeakMap<object, number>();
let nextKey = 1;
/** A React key for a Yjs item (rows have no id of their own). */
export function itemKey(item: object): number {
  let key = keys.get(item);
  if (key === undefined) {
    key = nextKey++;
    keys.set(item, key);
  }
  return key;
}
