/**
 * The programme's taxonomies in words, in the reader's language: themes, SDGs, languages and
 * countries, as filters and tags name them (the library's facets, the search page's filters).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

/**
 * Language names in the reader's language: "Italiano" as a label, "italiano" inside a sentence
 * (`inSentence`), as Intl writes it.
 */
export function useLanguageName(): (code: string, options?: { inSentence?: boolean }) => string {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const names = new Intl.DisplayNames([lng], { type: 'language' });
    return (code, options = {}) => {
      const name = names.of(code) ?? code;
      return options.inSentence ? name : name.charAt(0).toLocaleUpperCase(lng) + name.slice(1);
    };
  }, [lng]);
}

export function useTaxonomyLabels() {
  const { t } = useTranslation();
  const { country } = useFormat();
  const language = useLanguageName();
  return useMemo(
    () => ({
      theme: (code: string) => t(`theme.${code}` as 'theme.culture'),
      /** "SDG 11 · Sustainable cities and communities" */
      sdg: (n: number | string) =>
        t('library.sdgLabel', { number: n, name: t(`plans.sdg.${n}` as 'plans.sdg.1') }),
      language: (code: string) => language(code),
      country,
    }),
    [t, country, language],
  );
}
