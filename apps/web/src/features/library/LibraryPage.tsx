/**
 * The library: everything the reader may see, filtered by facets (in the address), searched by
 * text, newest or most relevant first, as a grid or a list, a page at a time.
 */
import {
  Box,
  Button,
  Collapse,
  Grid,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Paper,
} from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { PageHeading } from '../../ui/page';
import { ErrorAlert, Loading } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { FacetFilters } from './FacetFilters';
import { activeFilterCount, LIBRARY_SORTS, type LibrarySort } from './filters';
import { ResourceCard, type LibraryView } from './ResourceCard';
import { useResources } from './useLibrary';
import { useLibraryFilters } from './useLibraryFilters';

export function LibraryPage() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { filters, setFilter, clear } = useLibraryFilters();
  const list = useResources(filters);
  const [view, setView] = useLocalStorage<LibraryView>({
    key: 'iuc.library.view',
    defaultValue: 'grid',
  });
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(false);

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const facets = list.data?.pages[0]?.facets ?? null;
  const narrowed = activeFilterCount(filters) > 0 || !!filters.q;
  const filterCount = activeFilterCount(filters);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <PageHeading>{t('library.title')}</PageHeading>
          <Text c="dimmed" maw={720} mt={4}>
            {t('library.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/library/trash" variant="subtle">
            {t('library.trash.link')}
          </Button>
          <Button component={Link} to="/library/new">
            {t('library.share')}
          </Button>
        </Group>
      </Group>

      <SearchBox key={filters.q ?? ''} q={filters.q} onSearch={(q) => setFilter('q', q)} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <section aria-labelledby="library-filters">
            {wide ? (
              <Title order={2} size="h4" id="library-filters" mb="sm">
                {t('library.filters')}
              </Title>
            ) : (
              <Button
                variant="default"
                id="library-filters"
                aria-expanded={filtersOpen}
                aria-controls="library-filters-panel"
                onClick={() => setFiltersOpen((o) => !o)}
                fullWidth
              >
                {filterCount
                  ? t('library.filtersCount', { count: filterCount })
                  : t('library.filters')}
              </Button>
            )}
            <Collapse expanded={wide || filtersOpen} id="library-filters-panel">
              <Box mt={wide ? 0 : 'sm'}>
                <FacetFilters
                  filters={filters}
                  facets={facets}
                  setFilter={setFilter}
                  clear={clear}
                />
              </Box>
            </Collapse>
          </section>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 9 }}>
          <section aria-labelledby="library-results">
            <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
              <Title order={2} size="h4" id="library-results">
                {t('library.results')}
              </Title>
              <Group gap="xs" wrap="wrap">
                <SegmentedControl
                  aria-label={t('library.sort.label')}
                  size="xs"
                  value={filters.sort ?? (filters.q ? 'relevance' : 'newest')}
                  onChange={(v) => setFilter('sort', v as LibrarySort)}
                  data={LIBRARY_SORTS.map((s) => ({ value: s, label: t(`library.sort.${s}`) }))}
                />
                <SegmentedControl
                  aria-label={t('library.view.label')}
                  size="xs"
                  value={view}
                  onChange={(v) => setView(v as LibraryView)}
                  data={[
                    { value: 'grid', label: t('library.view.grid') },
                    { value: 'list', label: t('library.view.list') },
                  ]}
                />
              </Group>
            </Group>

            {list.isPending ? (
              <Loading />
            ) : list.isError ? (
              <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
            ) : items.length === 0 ? (
              <EmptyLibrary narrowed={narrowed} onClear={clear} />
            ) : (
              <Stack gap="md">
                <Text size="sm" c="dimmed" role="status">
                  {t('library.showing', { count: items.length, shown: number(items.length) })}
                </Text>
                <SimpleGrid
                  component="ul"
                  className={ui.plainList}
                  cols={view === 'grid' ? { base: 1, xs: 2, lg: 3 } : 1}
                  spacing="md"
                >
                  {items.map((item) => (
                    <li key={item.id}>
                      <ResourceCard item={item} view={view} />
                    </li>
                  ))}
                </SimpleGrid>
                {list.hasNextPage && (
                  <Button
                    variant="default"
                    onClick={() => void list.fetchNextPage()}
                    loading={list.isFetchingNextPage}
                    style={{ alignSelf: 'center' }}
                  >
                    {t('library.loadMore')}
                  </Button>
                )}
              </Stack>
            )}
          </section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Tells a newcomer what to do: share the first item, or loosen the filters. */
function EmptyLibrary({ narrowed, onClear }: { narrowed: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl">
      <Stack align="flex-start" gap="sm">
        <Title order={3} size="h4">
          {narrowed ? t('library.emptyFiltered.title') : t('library.empty.title')}
        </Title>
        <Text>{narrowed ? t('library.emptyFiltered.body') : t('library.empty.body')}</Text>
        {narrowed ? (
          <Button variant="default" onClick={onClear}>
            {t('library.emptyFiltered.action')}
          </Button>
        ) : (
          <Button component={Link} to="/library/new">
            {t('library.empty.action')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The text search; sent on Enter or the button (keyed by the address's text, so Back resets it). */
function SearchBox({ q, onSearch }: { q?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(q ?? '');
  return (
    <Paper
      component="form"
      role="search"
      aria-label={t('library.search')}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim() || undefined);
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          type="search"
          label={t('library.search')}
          placeholder={t('library.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t('library.searchButton')}</Button>
      </Group>
    </Paper>
  );
}
