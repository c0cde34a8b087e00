/** The upload/edit form's values, their checks against LIBRARY_LIMITS, and the request they make. */
import {
  GOOD_PRACTICE_FIELDS,
  LIBRARY_LIMITS,
  type AgendaCode,
  type ContentLanguage,
  type CreateResourceRequest,
  type GoodPracticeField,
  type ResourceDto,
  type ResourceKind,
  type ResourceScope,
  type ThemeCode,
} from '@iuc/domain';

export interface ResourceFormValues extends Record<GoodPracticeField, string> {
  kind: ResourceKind;
  title: string;
  summary: string;
  contact: string;
  /** One address per line. */
  links: string;
  themes: ThemeCode[];
  sdgs: number[];
  agendas: AgendaCode[];
  language: ContentLanguage;
  cityId: string | null;
  scope: ResourceScope;
}

/** The good-practice fields a kind's form shows: all for a good practice, the common ones else. */
export function fieldsForKind(kind: ResourceKind): readonly GoodPracticeField[] {
  return kind === 'good_practice' ? GOOD_PRACTICE_FIELDS : ['approach', 'results', 'lessons'];
}

export function emptyValues(language: ContentLanguage, scope: ResourceScope): ResourceFormValues {
  const fields = Object.fromEntries(GOOD_PRACTICE_FIELDS.map((f) => [f, ''])) as Record<
    GoodPracticeField,
    string
  >;
  return {
    ...fields,
    kind: 'good_practice',
    title: '',
    summary: '',
    contact: '',
    links: '',
    themes: [],
    sdgs: [],
    agendas: [],
    language,
    cityId: null,
    scope,
  };
}

export function valuesOf(item: ResourceDto): ResourceFormValues {
  const fields = Object.fromEntries(GOOD_PRACTICE_FIELDS.map((f) => [f, item[f] ?? ''])) as Record<
    GoodPracticeField,
    string
  >;
  return {
    ...fields,
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    contact: item.contact,
    links: item.links.join('\n'),
    themes: item.themes,
    sdgs: item.sdgs,
    agendas: item.agendas,
    language: item.language,
    cityId: item.city?.id ?? null,
    scope: item.scope,
  };
}

export function linesOf(links: string): string[] {
  return links
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export type FormErrorKey =
  | { key: 'required' }
  | { key: 'tooLong'; max: number }
  | { key: 'tooMany'; max: number }
  | { key: 'links' }
  | { key: 'scope' };

export type FormErrors = Partial<Record<keyof ResourceFormValues, FormErrorKey>>;

/** What is wrong with the values, per field (empty when they can be sent). */
export function validate(values: ResourceFormValues): FormErrors {
  const errors: FormErrors = {};
  const max = (field: keyof ResourceFormValues, text: string, limit: number) => {
    if (text.length > limit) errors[field] = { key: 'tooLong', max: limit };
  };
  if (!values.title.trim()) errors.title = { key: 'required' };
  else max('title', values.title.trim(), LIBRARY_LIMITS.title);
  max('summary', values.summary.trim(), LIBRARY_LIMITS.summary);
  max('contact', values.contact.trim(), LIBRARY_LIMITS.contact);
  for (const f of fieldsForKind(values.kind)) max(f, values[f].trim(), LIBRARY_LIMITS.field);
  const links = linesOf(values.links);
  if (links.length > LIBRARY_LIMITS.links)
    errors.links = { key: 'tooMany', max: LIBRARY_LIMITS.links };
  else if (links.some((l) => l.length > LIBRARY_LIMITS.link || !isWebAddress(l)))
    errors.links = { key: 'links' };
  if (values.themes.length > LIBRARY_LIMITS.themes)
    errors.themes = { key: 'tooMany', max: LIBRARY_LIMITS.themes };
  const { scope } = values;
  if (
    (scope.level !== 'programme' && !scope.pairingId) ||
    (scope.level === 'side' && !scope.authorityId)
  )
    errors.scope = { key: 'scope' };
  return errors;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The request body: trimmed texts, the fields of other kinds left out, the scope as chosen. */
export function requestOf(values: ResourceFormValues): Omit<CreateResourceRequest, 'uploadIds'> {
  const shown = new Set<GoodPracticeField>(fieldsForKind(values.kind));
  const fields = Object.fromEntries(
    GOOD_PRACTICE_FIELDS.map((f) => [f, shown.has(f) ? values[f].trim() : '']),
  );
  const { scope } = values;
  return {
    ...fields,
    kind: values.kind,
    title: values.title.trim(),
    summary: values.summary.trim(),
    contact: values.contact.trim(),
    links: linesOf(values.links),
    themes: values.themes,
    sdgs: values.sdgs,
    agendas: values.agendas,
    language: values.language,
    cityId: values.cityId,
    scope:
      scope.level === 'programme'
        ? { level: 'programme' }
        : scope.level === 'pairing'
          ? { level: 'pairing', pairingId: scope.pairingId }
          : { level: 'side', pairingId: scope.pairingId, authorityId: scope.authorityId },
  };
}
