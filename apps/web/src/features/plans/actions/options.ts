/** The translated choices of the action table's selects. */
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  FUNDING_SOURCES,
  FUNDING_STATUSES,
  INDICATOR_KINDS,
  SDGS,
  THEMES,
} from '@iuc/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Option } from './fields';

/** Currencies of the programme's cities, EUR first. */
const CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CNY',
  'JPY',
  'INR',
  'BRL',
  'MXN',
  'COP',
  'ARS',
  'CLP',
  'PEN',
  'CAD',
  'BGN',
  'CZK',
];

export function useActionOptions() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const currencyName = new Intl.DisplayNames([lng], { type: 'currency' });
    const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, lng);
    return {
      types: ACTION_TYPES.map((v) => ({ value: v, label: t(`plans.actionType.${v}`) })),
      statuses: ACTION_STATUSES.map((v) => ({ value: v, label: t(`plans.actionStatus.${v}`) })),
      fundingSources: FUNDING_SOURCES.map((v) => ({
        value: v,
        label: t(`plans.fundingSource.${v}`),
      })),
      fundingStatuses: FUNDING_STATUSES.map((v) => ({
        value: v,
        label: t(`plans.fundingStatus.${v}`),
      })),
      indicatorKinds: INDICATOR_KINDS.map((v) => ({
        value: v,
        label: t(`plans.indicatorKind.${v}`),
      })),
      currencies: CURRENCIES.map((c) => ({ value: c, label: `${c} · ${currencyName.of(c) ?? c}` })),
      sdgs: SDGS.map((n) => ({
        value: String(n),
        label: t('plans.sdg.label', { number: n, name: t(`plans.sdg.${n}` as 'plans.sdg.1') }),
      })),
      themes: THEMES.map((code) => ({ value: code, label: t(`theme.${code}`) })).sort(byLabel),
    };
  }, [t, lng]);
}

export type ActionOptions = ReturnType<typeof useActionOptions>;
