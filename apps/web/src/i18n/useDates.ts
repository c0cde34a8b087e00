/** Message times and days through Intl, in the viewer's language and time zone. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayKey } from './format';

export function useDates() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(lng, { hour: 'numeric', minute: '2-digit' });
    const full = new Intl.DateTimeFormat(lng, { dateStyle: 'full', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(lng, { dateStyle: 'full' });
    const short = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    const mediumDate = new Intl.DateTimeFormat(lng, { dateStyle: 'medium' });
    const relative = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
    const capital = (s: string) => s.charAt(0).toLocaleUpperCase(lng) + s.slice(1);
    return {
      time: (iso: string) => time.format(new Date(iso)),
      full: (iso: string) => full.format(new Date(iso)),
      /** The day alone, briefly ("7 Dec 2026"). */
      shortDay: (iso: string) => mediumDate.format(new Date(iso)),
      /** "Today", "Yesterday", else the full date. */
      day: (iso: string, now = new Date()) => {
        const days = Math.round(
          (Date.parse(dayKey(now.toISOString())) - Date.parse(dayKey(iso))) / 86_400_000,
        );
        return days === 0 || days === 1
          ? capital(relative.format(-days, 'day'))
          : date.format(new Date(iso));
      },
      /** A time today, else date and time. */
      when: (iso: string, now = new Date()) =>
        dayKey(iso) === dayKey(now.toISOString())
          ? time.format(new Date(iso))
          : short.format(new Date(iso)),
    };
  }, [lng]);
}
