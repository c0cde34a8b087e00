import type { FieldChange } from './resource-revisions.repository.js';
import type { ResourceValues } from '../items/resources.repository.js';

/** The fields a revision records, by their wire names (the scope as one field). */
const FIELDS = [
  'kind',
  'title',
  'summary',
  'problem',
  'approach',
  'participation',
  'results',
  'resourcesNeeded',
  'timescale',
  'transferability',
  'lessons',
  'contact',
  'links',
  'language',
  'themes',
  'sdgs',
  'agendas',
  'cityId',
] as const satisfies readonly (keyof ResourceValues)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const scopeOf = (v: ResourceValues) => ({
  level: v.scopeLevel,
  pairingId: v.pairingId,
  authorityId: v.authorityId,
});

/** What an edit changed, field by field (status is the review log's, not a revision's). */
export function fieldChanges(before: ResourceValues, after: ResourceValues): FieldChange[] {
  const changes: FieldChange[] = FIELDS.filter((f) => !same(before[f], after[f])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
  if (!same(scopeOf(before), scopeOf(after)))
    changes.push({ field: 'scope', before: scopeOf(before), after: scopeOf(after) });
  return changes;
}

/** The files an edit took off and put on, by name. */
export function fileChanges(removed: readonly string[], added: readonly string[]): FieldChange[] {
  if (!removed.length && !added.length) return [];
  return [{ field: 'files', before: removed, after: added }];
}
