// Type the keys of t() against the English locales, so a missing or misspelt key fails the typecheck.
// A feature with its own locale files adds its English file to `FeatureStrings`.
import type en from './locales/en.json';
import type plansEn from '../features/plans/locales/en.json';
import type discussionsEn from '../features/discussions/locales/en.json';
import type notificationsEn from '../features/notifications/locales/en.json';

type FeatureStrings = typeof plansEn & typeof discussionsEn & typeof notificationsEn;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & FeatureStrings };
  }
}
