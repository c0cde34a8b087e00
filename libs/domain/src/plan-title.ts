/**
 * A plan's stored title is the one it was created with, in English: "Local Action Plan — <city>".
 * Readers see it in their own language (the web's `plans.titleOf`), as they see section titles,
 * and exports print it in the plan's language (PlanWords.titleOf); the API keeps the stored text.
 *
 * The prefix is a stored format, not display text: it stays as it is even if the English wording
 * of `titleOf` changes, or titles already in the database would no longer be recognised.
 */
const PROVISIONED_PREFIX = 'Local Action Plan — ';

/** The title a new plan of this city gets. */
export function provisionedPlanTitle(cityName: string): string {
  return PROVISIONED_PREFIX + cityName;
}

/** The city of a title as created (null for any other title, shown as it is). */
export function provisionedPlanCity(title: string): string | null {
  const city = title.startsWith(PROVISIONED_PREFIX) ? title.slice(PROVISIONED_PREFIX.length) : '';
  return city.trim() ? city : null;
}
