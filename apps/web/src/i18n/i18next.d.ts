// Type the keys of t() against the English locale, so a missing or misspelt key fails the typecheck.
import type en from './locales/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
