/** Numbers, dates, times, countries and languages through Intl, in the active UI language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function flagEmoji(countryIso: string): string {
  if (!/^[A-Za-z]{2}$/.test(countryIso)) return '';
  return String.fromCodePoint(
    ...[...countryIso.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65),
  );
}

/** Minutes east of UTC of a time zone at an instant (from the "GMT+05:30" offset name). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(lng);
    const regions = new Intl.DisplayNames([lng], { type: 'region' });
    const and = new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' });
    const longDate = new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' });
    const monthYear = new Intl.DateTimeFormat(lng, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const unit = (u: 'hour' | 'month') =>
      new Intl.NumberFormat(lng, { style: 'unit', unit: u, unitDisplay: 'long' });
    const hours = unit('hour');
    const months = unit('month');
    return {
      lng,
      number: (n: number) => numbers.format(n),
      /** A calendar date from the API ("2017-06-01"): formatted in UTC so it never shifts a day. */
      date: (iso: string) => longDate.format(new Date(iso)),
      monthYear: (d: Date | string) => monthYear.format(new Date(d)),
      /** "7 hours", "5.5 hours", "7 horas"… */
      hours: (n: number) => hours.format(n),
      months: (n: number) => months.format(n),
      country: (iso: string) => regions.of(iso.toUpperCase()) ?? iso,
      /** "Medellín and Santiago de Cali" */
      list: (items: string[]) => and.format(items),
      /** A language's own name for itself ("Español"), for the language switcher. */
      endonym: (code: string) => {
        const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
        return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
      },
      clock: (at: Date, timeZone: string) =>
        new Intl.DateTimeFormat(lng, {
          timeZone,
          weekday: 'short',
          hour: 'numeric',
          minute: '2-digit',
        }).format(at),
    };
  }, [lng]);
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD (the viewer's own by default). */
export function dayKey(iso: string, timeZone?: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}
