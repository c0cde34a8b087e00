/**
 * The results page's filters, from the facets of what the query matched (counted by the API over
 * what the reader may see): theme, SDG, language, pairing, country, and a year or a date range.
 */
import { Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { SearchFacetValueDto, SearchFacetsDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useTaxonomyLabels } from '../../i18n/useTaxonomyLabels';
import { NO_FILTERS, activeFilterCount, yearOf, yearRange, type SearchFilters } from './params';
import type { useSearchFilters } from './useSearchFilters';

type Update = ReturnType<typeof useSearchFilters>['update'];
type FacetFilter = 'theme' | 'sdg' | 'language' | 'pairingId' | 'country';
const FACET_OF: Record<FacetFilter, keyof SearchFacetsDto> = {
  theme: 'theme',
  sdg: 'sdg',
  language: 'language',
  pairingId: 'pairing',
  country: 'country',
};

export function SearchFilterControls({
  filters,
  facets,
  update,
}: {
  filters: SearchFilters;
  facets: SearchFacetsDto | null;
  update: Update;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const label = useTaxonomyLabels();

  const nameOf = (key: FacetFilter, f: Pick<SearchFacetValueDto, 'value' | 'label'>): string => {
    switch (key) {
      case 'theme':
        return label.theme(f.value);
      case 'sdg':
        return label.sdg(f.value);
      case 'language':
        return label.language(f.value);
      case 'country':
        return label.country(f.value);
      case 'pairingId':
        return f.label ?? f.value;
    }
  };
  const withCount = (name: string, count: number) =>
    t('search.optionCount', { label: name, count: number(count) });

  const select = (key: FacetFilter) => {
    const values = facets?.[FACET_OF[key]] ?? [];
    const current = filters[key] === undefined ? '' : String(filters[key]);
    const options = values.map((f) => ({
      value: f.value,
      label: withCount(nameOf(key, f), f.count),
    }));
    // The chosen value stays choosable even when it counts nothing under the other filters.
    if (current && !options.some((o) => o.value === current))
      options.unshift({ value: current, label: nameOf(key, { value: current, label: null }) });
    if (key === 'sdg') options.sort((a, b) => Number(a.value) - Number(b.value));
    else options.sort((a, b) => a.label.localeCompare(b.label));
    return (
      <NativeSelect
        key={key}
        label={t(`search.filter.${key}`)}
        value={current}
        data={[{ value: '', label: t('search.any') }, ...options]}
        onChange={(e) => update({ [key]: e.currentTarget.value || undefined })}
      />
    );
  };

  const year = yearOf(filters);
  const years = [...(facets?.year ?? [])]
    .sort((a, b) => Number(b.value) - Number(a.value))
    .map((f) => ({ value: f.value, label: withCount(f.value, f.count) }));
  if (year && !years.some((y) => y.value === year)) years.unshift({ value: year, label: year });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 1 }} spacing="sm" verticalSpacing="xs">
        {select('theme')}
        {select('sdg')}
        {select('language')}
        {select('pairingId')}
        {select('country')}
        <NativeSelect
          label={t('search.filter.year')}
          value={year ?? ''}
          data={[{ value: '', label: t('search.any') }, ...years]}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update(v ? yearRange(v) : { from: undefined, to: undefined });
          }}
        />
        <TextInput
          type="date"
          label={t('search.filter.from')}
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(e) => update({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('search.filter.to')}
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(e) => update({ to: e.currentTarget.value || undefined })}
        />
      </SimpleGrid>
      {activeFilterCount(filters) > 0 && (
        <Button
          variant="default"
          size="xs"
          onClick={() => update(NO_FILTERS)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('search.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}
