/**
 * Form fields bound to one key of a Y.Map: every change is written to the map at once (so it
 * reaches everyone), and the field shows whatever the map holds now (the card around it re-renders
 * on remote changes). Read-only, each shows its value in a read-only input: focusable, selectable,
 * and as legible as an editable one.
 */
import { MultiSelect, NativeSelect, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberOf, setTags, tagsOf, textOf, type TagsField, type YRecord } from './actionModel';

interface BoundProps {
  map: YRecord;
  field: string;
  label: string;
  readOnly: boolean;
  id?: string;
}

export interface Option {
  value: string;
  label: string;
}

export function TextField({
  map,
  field,
  label,
  readOnly,
  id,
  multiline,
}: BoundProps & { multiline?: boolean }) {
  const { t } = useTranslation();
  const props = {
    id,
    label,
    value: textOf(map, field),
    readOnly,
    placeholder: readOnly ? t('plans.actions.empty') : undefined,
    onChange: (e: { currentTarget: { value: string } }) => {
      if (!readOnly) map.set(field, e.currentTarget.value);
    },
  };
  return multiline ? (
    <Textarea autosize minRows={2} maxRows={8} {...props} />
  ) : (
    <TextInput {...props} />
  );
}

/** A calendar date as "YYYY-MM-DD", or null; read-only, written out in the reader's language. */
export function DateField({ map, field, label, readOnly, id }: BoundProps) {
  const { t } = useTranslation();
  const { date } = useNumbersAndDates();
  if (readOnly) {
    const value = textOf(map, field);
    return (
      <TextInput
        id={id}
        label={label}
        value={value ? date(value) : ''}
        placeholder={t('plans.actions.empty')}
        readOnly
      />
    );
  }
  return (
    <TextInput
      id={id}
      type="date"
      label={label}
      value={textOf(map, field)}
      onChange={(e) => map.set(field, e.currentTarget.value || null)}
    />
  );
}

/**
 * A number. While the field has focus it keeps what is being typed ("12." or "-") as text and
 * writes each complete number; otherwise it shows the stored number formatted for the reader.
 */
export function NumberField({ map, field, label, readOnly, id }: BoundProps) {
  const { t } = useTranslation();
  const { number } = useNumbersAndDates();
  const [draft, setDraft] = useState<string | null>(null);
  const stored = numberOf(map, field);
  const shown = draft ?? (stored === null ? '' : number(stored));
  const [invalid, setInvalid] = useState(false);
  return (
    <TextInput
      id={id}
      label={label}
      inputMode="decimal"
      value={shown}
      readOnly={readOnly}
      placeholder={readOnly ? t('plans.actions.empty') : undefined}
      error={invalid ? t('plans.actions.numberInvalid') : undefined}
      onFocus={() => setDraft(stored === null ? '' : String(stored))}
      onBlur={() => {
        setDraft(null);
        setInvalid(false);
      }}
      onChange={(e) => {
        if (readOnly) return;
        const raw = e.currentTarget.value;
        setDraft(raw);
        const trimmed = raw.trim().replace(',', '.');
        const n = Number(trimmed);
        if (trimmed === '') map.set(field, null);
        else if (Number.isFinite(n)) map.set(field, n);
        setInvalid(trimmed !== '' && !Number.isFinite(n) && trimmed !== '-');
      }}
    />
  );
}

export function SelectField({
  map,
  field,
  label,
  readOnly,
  id,
  options,
}: BoundProps & { options: Option[] }) {
  const value = textOf(map, field);
  // A value this client does not know (a newer client's) is shown as it is, not lost.
  const all =
    value && !options.some((o) => o.value === value)
      ? [...options, { value, label: value }]
      : options;
  if (readOnly) {
    return (
      <TextInput
        id={id}
        label={label}
        value={all.find((o) => o.value === value)?.label ?? ''}
        readOnly
      />
    );
  }
  return (
    <NativeSelect
      id={id}
      label={label}
      value={value}
      data={all}
      onChange={(e) => map.set(field, e.currentTarget.value)}
    />
  );
}

/** SDG numbers or theme codes, as a searchable multiple choice. */
export function TagsField({
  map,
  field,
  label,
  readOnly,
  id,
  options,
}: Omit<BoundProps, 'field'> & { field: TagsField; options: Option[] }) {
  const { t } = useTranslation();
  const numeric = field === 'sdgs';
  const value = tagsOf(map, field).map(String);
  return (
    <MultiSelect
      id={id}
      label={label}
      data={options}
      value={value}
      readOnly={readOnly}
      // Read-only, no chevron: nothing opens.
      rightSection={readOnly ? <span /> : undefined}
      searchable={!readOnly}
      placeholder={
        value.length ? undefined : readOnly ? t('plans.actions.empty') : t('plans.actions.choose')
      }
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
      onChange={(next) => {
        if (!readOnly) setTags(map, field, numeric ? next.map(Number) : next);
      }}
    />
  );
}

/** Numbers and calendar dates in the reader's language (dates are UTC days: they never shift). */
function useNumbersAndDates() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(lng, { maximumFractionDigits: 2 });
    const dates = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
    return {
      number: (n: number) => numbers.format(n),
      date: (iso: string) => {
        const d = new Date(`${iso}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? iso : dates.format(d);
      },
    };
  }, [lng]);
}
