// Type the keys of t() against the English locales, so a missing or misspelt key fails the typecheck.
// A feature with its own locale files adds its English file to `FeatureStrings`.
import type en from './locales/en.json';

type FeatureStrings = object;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & FeatureStrings };
  }
}
