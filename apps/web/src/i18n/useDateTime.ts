import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** An instant from the API in the viewer's own time zone and language ("12 May 2026, 14:05"). */
export function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => format.format(new Date(iso));
  }, [lng]);
}
