import { UI_LANGUAGES } from '@iuc/domain';

const namers = new Map<string, Intl.DisplayNames>();

/** A country's name in a language ('IT', 'en' → 'Italy'); the code itself when unknown. */
export function countryName(iso: string, language = 'en'): string {
  let namer = namers.get(language);
  if (!namer) {
    namer = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    namers.set(language, namer);
  }
  try {
    return namer.of(iso.trim().toUpperCase()) ?? iso;
  } catch {
    return iso; // not a well-formed region code
  }
}

/**
 * The country's names in every UI language, each once: a Chinese reader finds Italian cities by
 * typing 意大利, a German one by "Italien".
 */
export function countryNamesInEveryLanguage(iso: string): string[] {
  return [...new Set(UI_LANGUAGES.map((language) => countryName(iso, language)))];
}
