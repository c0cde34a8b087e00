/** The day programme support ends: start + term in months (ISO dates, calendar arithmetic in UTC). */
export function endOfTerm(startDate: string | null, termMonths: number): string | null {
  if (!startDate) return null;
  const [year, month, day] = startDate.split('-').map(Number);
  const end = new Date(Date.UTC(year, month - 1 + termMonths, day));
  // 31 August + 18 months is the last day of February, not early March.
  if (end.getUTCDate() !== day) end.setUTCDate(0);
  return end.toISOString().slice(0, 10);
}
