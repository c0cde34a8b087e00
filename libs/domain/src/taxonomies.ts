/** Programme taxonomies (domain.md §5). Codes are stable; labels live in the web client's locales. */

export const THEMES = [
  'air-quality',
  'circular-economy',
  'digital-transition',
  'jobs-skills',
  'energy-transition',
  'urban-rural',
  'nature-cultural-heritage',
  'smart-cities-innovation',
  'sustainable-consumption',
  'land-use-nature-based-solutions',
  'urban-mobility',
  'water-waste-sanitation',
  'housing',
  'urban-poverty',
  'migrant-inclusion',
  'climate-adaptation',
  'public-procurement',
  'urban-regeneration',
  'security-public-spaces',
  'culture',
] as const;
export type ThemeCode = (typeof THEMES)[number];

/** SDG 1–17, by number. */
export const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);
export type SdgNumber = number;

export const WORLD_REGIONS = [
  'europe',
  'asia',
  'north-america',
  'latin-america-caribbean',
] as const;
export type WorldRegionCode = (typeof WORLD_REGIONS)[number];

export const AUTHORITY_KINDS = [
  'municipality',
  'metropolitan_city',
  'metro_area',
  'development_zone',
  'regional_unit',
  'region',
] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const PAIRING_STATUSES = [
  'proposed',
  'confirmed',
  'active',
  'support_ended',
  'continued',
  'closed',
] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

export const PAIRING_SIDES = ['eu', 'partner'] as const;
export type PairingSide = (typeof PAIRING_SIDES)[number];

export const UI_LANGUAGES = ['en', 'es', 'pt', 'fr', 'it', 'de', 'zh', 'ja'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
