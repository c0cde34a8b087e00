// Type the keys of t() against the English locales, so a missing or misspelt key fails the typecheck.
// A feature with its own locale files adds its English file to `FeatureStrings`.
import type en from './locales/en.json';
import type plansEn from '../features/plans/locales/en.json';
import type discussionsEn from '../features/discussions/locales/en.json';
import type notificationsEn from '../features/notifications/locales/en.json';
import type libraryEn from '../features/library/locales/en.json';
import type searchEn from '../features/search/locales/en.json';
import type { PlanWords } from '@iuc/domain';

/** One object type with both's keys (i18next's key types do not see through `A & B` of one key). */
type Merged<A, B> = {
  [K in keyof A | keyof B]: K extends keyof B ? B[K] : K extends keyof A ? A[K] : never;
};
/** The plan template's words (libs/domain) are merged into `plans` at runtime (i18n/index.ts). */
type PlansStrings = { plans: Merged<(typeof plansEn)['plans'], PlanWords> };

type FeatureStrings = PlansStrings &
  typeof discussionsEn &
  typeof notificationsEn &
  typeof libraryEn &
  typeof searchEn;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & FeatureStrings };
  }
}
