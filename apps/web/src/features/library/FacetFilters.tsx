/**
 * The library's filter controls: one select per facet, each choice with the number of items it
 * would show (counted by the API over what the reader may see under the other filters).
 */
import { Button, NativeSelect, SimpleGrid, Switch, Stack } from '@mantine/core';
import type { FacetCountDto, ResourceFacetsDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useTaxonomyLabels } from '../../i18n/useTaxonomyLabels';
import { activeFilterCount, FACET_KEYS, type FacetKey, type LibraryFilters } from './filters';

interface Props {
  filters: LibraryFilters;
  facets: ResourceFacetsDto | null;
  setFilter: <K extends keyof LibraryFilters>(
    key: K,
    value: LibraryFilters[K] | '' | undefined,
  ) => void;
  clear: () => void;
}

export function FacetFilters({ filters, facets, setFilter, clear }: Props) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const label = useTaxonomyLabels();

  const labelOf = (key: FacetKey, facet: FacetCountDto & { label?: string }): string => {
    switch (key) {
      case 'kind':
        return t(`library.kind.${facet.value}` as 'library.kind.report');
      case 'theme':
        return label.theme(facet.value);
      case 'sdg':
        return label.sdg(facet.value);
      case 'region':
        return t(`region.${facet.value}` as 'region.europe');
      case 'country':
        return label.country(facet.value);
      case 'city':
        return facet.label ?? facet.value;
      case 'language':
        return label.language(facet.value);
      case 'year':
        return facet.value;
    }
  };

  const select = (key: FacetKey) => {
    const counts: (FacetCountDto & { label?: string })[] = facets?.[key] ?? [];
    const current = filters[key] === undefined ? '' : String(filters[key]);
    const options = counts.map((f) => ({
      value: f.value,
      label: t('library.optionCount', { label: labelOf(key, f), count: number(f.count) }),
    }));
    // The chosen value stays choosable even when it counts nothing under the other filters.
    if (current && !options.some((o) => o.value === current))
      options.unshift({ value: current, label: labelOf(key, { value: current, count: 0 }) });
    // Goals in their order, years newest first, the rest alphabetically in the reader's language.
    if (key === 'sdg') options.sort((a, b) => Number(a.value) - Number(b.value));
    else if (key === 'year') options.sort((a, b) => Number(b.value) - Number(a.value));
    else options.sort((a, b) => a.label.localeCompare(b.label));
    return (
      <NativeSelect
        key={key}
        label={t(`library.facet.${key}`)}
        value={current}
        data={[{ value: '', label: t('library.any') }, ...options]}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setFilter(
            key,
            key === 'sdg' || key === 'year' ? (v ? Number(v) : undefined) : (v as never),
          );
        }}
      />
    );
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 1 }} spacing="sm" verticalSpacing="xs">
        {FACET_KEYS.map(select)}
      </SimpleGrid>
      <Switch
        label={t('library.featuredOnly')}
        checked={filters.featured === true}
        onChange={(e) => setFilter('featured', e.currentTarget.checked || undefined)}
      />
      {activeFilterCount(filters) > 0 && (
        <Button variant="default" size="xs" onClick={clear} style={{ alignSelf: 'flex-start' }}>
          {t('library.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}
