/** Date arithmetic of a pairing's term (calendar dates from the API are UTC midnights). */

export const DAY = 86_400_000;

export function addMonths(iso: string, months: number): Date {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** Whole calendar months from `from` to `to` (1 March → 31 March is 0, → 1 April is 1). */
function monthsBetween(from: Date, to: Date): number {
  const months =
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  return to.getUTCDate() < from.getUTCDate() ? months - 1 : months;
}

/** Where `now` falls in the term: before it, in month n of N, or after it; and how far along the bar. */
export function termProgress(start: Date, end: Date, termMonths: number, now: Date) {
  const fraction = Math.min(
    1,
    Math.max(0, (now.getTime() - start.getTime()) / (end.getTime() - start.getTime())),
  );
  const phase = now < start ? 'upcoming' : now >= end ? 'ended' : 'running';
  const month = Math.min(termMonths, Math.max(1, monthsBetween(start, now) + 1));
  return { fraction, phase, month } as const;
}
