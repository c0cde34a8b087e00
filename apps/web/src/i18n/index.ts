/**
 * i18next setup: all eight UI languages are bundled (they are small), English is the fallback for any
 * key a language lacks, the choice is kept in localStorage and mirrored to <html lang>.
 */
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { PLAN_WORDS, UI_LANGUAGES, isOneOf, type UiLanguage } from '@iuc/domain';
import en from './locales/en.json';
import es from './locales/es.json';
import pt from './locales/pt.json';
import fr from './locales/fr.json';
import it from './locales/it.json';
import de from './locales/de.json';
import zh from './locales/zh.json';
import ja from './locales/ja.json';

export const LANGUAGE_STORAGE_KEY = 'iuc.language';

const core = { en, es, pt, fr, it, de, zh, ja };

/**
 * Features that bring many strings keep them beside their code, in
 * `features/<area>/locales/<lng>.json`, each under its own top-level key; merged here.
 */
const featureLocales = import.meta.glob<{ default: Record<string, unknown> }>(
  '../features/*/locales/*.json',
  { eager: true },
);
const resources: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(core).map(([lng, strings]) => [lng, { ...strings }]),
);
for (const [file, module] of Object.entries(featureLocales)) {
  const lng = /\/([a-z]{2})\.json$/.exec(file)?.[1];
  if (lng && resources[lng]) Object.assign(resources[lng], module.default);
}
// The plan template's own words (section titles, action vocabulary) come with the template, which
// exports use too: merged into the plans feature's strings.
for (const [lng, words] of Object.entries(PLAN_WORDS)) {
  resources[lng].plans = { ...(resources[lng].plans as object), ...words };
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: Object.fromEntries(
      Object.entries(resources).map(([lng, translation]) => [lng, { translation }]),
    ),
    supportedLngs: [...UI_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    returnNull: false,
    interpolation: { escapeValue: false }, // React escapes.
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
  });

function applyHtmlLang(lng: string): void {
  document.documentElement.lang = lng;
}
applyHtmlLang(currentLanguage());
i18n.on('languageChanged', () => applyHtmlLang(currentLanguage()));

/** The active UI language, narrowed to one we ship (zh-CN → zh). */
export function currentLanguage(): UiLanguage {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isOneOf(UI_LANGUAGES, lng) ? lng : 'en';
}

export default i18n;
