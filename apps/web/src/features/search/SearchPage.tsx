/**
 * `/search?q=…`: everything the reader may see that matches, by kind (chips with the counts),
 * filtered by the facets, highlighted, a page at a time. The address holds the query and filters.
 */
import {
  Alert,
  Box,
  Button,
  Chip,
  Collapse,
  Grid,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { SEARCH_KINDS, type SearchKind } from '@iuc/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../../api/api';
import { useFormat } from '../../i18n/format';
import { PageHeading } from '../../ui/page';
import { ErrorAlert, Loading } from '../../ui/Status';
import { searchKeys, useSearchResults } from './api';
import { NoQuery, NoResults, QueryProblem, isQueryProblem } from './SearchEmpty';
import { SearchFilterControls } from './SearchFilters';
import { ResultList } from './SearchResults';
import { NO_FILTERS, activeFilterCount, type SearchFilters } from './params';
import { useSearchFilters } from './useSearchFilters';

export function SearchPage() {
  const { t } = useTranslation();
  const { filters, update } = useSearchFilters();
  return (
    <Stack gap="lg">
      <PageHeading>{t('search.title')}</PageHeading>
      <QueryForm key={filters.q ?? ''} q={filters.q} onSearch={(q) => update({ q })} />
      {filters.q ? <Results filters={filters} update={update} /> : <NoQuery />}
    </Stack>
  );
}

/** The page's own field: a new text replaces the old (filters stay). */
function QueryForm({ q, onSearch }: { q?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(q ?? '');
  return (
    <form
      role="search"
      aria-label={t('search.form.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim() || undefined);
      }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          type="search"
          label={t('search.form.label')}
          placeholder={t('search.form.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 0 }}
          maw={640}
        />
        <Button type="submit">{t('search.form.submit')}</Button>
      </Group>
    </form>
  );
}

function Results({
  filters,
  update,
}: {
  filters: SearchFilters & { q?: string };
  update: ReturnType<typeof useSearchFilters>['update'];
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const results = useSearchResults(filters);
  const client = useQueryClient();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const first = results.data?.pages[0];
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const facets = first?.facets ?? null;
  const filterCount = activeFilterCount(filters);

  if (results.isError && isQueryProblem(results.error))
    return <QueryProblem error={results.error} q={filters.q ?? ''} />;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <section aria-labelledby="search-filters">
          {wide ? (
            <Title order={2} size="h4" id="search-filters" mb="sm">
              {t('search.filters')}
            </Title>
          ) : (
            <Button
              variant="default"
              id="search-filters"
              aria-expanded={filtersOpen}
              aria-controls="search-filters-panel"
              onClick={() => setFiltersOpen((o) => !o)}
              fullWidth
            >
              {filterCount ? t('search.filtersCount', { count: filterCount }) : t('search.filters')}
            </Button>
          )}
          <Collapse expanded={wide || filtersOpen} id="search-filters-panel">
            <Box mt={wide ? 0 : 'sm'}>
              <SearchFilterControls filters={filters} facets={facets} update={update} />
            </Box>
          </Collapse>
        </section>
      </Grid.Col>

      <Grid.Col span={{ base: 12, md: 9 }}>
        <section aria-labelledby="search-results">
          <Title order={2} size="h4" id="search-results" mb="sm">
            {t('search.results')}
          </Title>
          {first && (
            <KindChips
              kind={filters.kind}
              counts={first.facets?.kind ?? []}
              onChange={(kind) => update({ kind })}
            />
          )}
          {/* The count, announced politely whenever the query or a filter changes it. */}
          <Text role="status" aria-live="polite" fw={600} my="sm">
            {first &&
              !results.isPlaceholderData &&
              t('search.count', {
                count: first.total ?? items.length,
                n: number(first.total ?? items.length),
                q: filters.q,
              })}
          </Text>
          {results.isPending ? (
            <Loading label={t('search.loading')} />
          ) : hasErrorCode(results.error, 'search.bad_cursor') ? (
            <RetryNotice
              text={t('search.badCursor')}
              action={t('search.startAgain')}
              // A stale cursor fails again on a refetch: start from page one.
              onAction={() => void client.resetQueries({ queryKey: searchKeys.results(filters) })}
            />
          ) : hasErrorCode(results.error, 'search.too_fast') ? (
            <RetryNotice
              text={t('search.tooFast')}
              action={t('errors.retry')}
              onAction={() => void results.refetch()}
            />
          ) : results.isError ? (
            <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
          ) : items.length === 0 ? (
            <NoResults
              filtered={filterCount > 0 || !!filters.kind}
              onClear={() => update({ ...NO_FILTERS, kind: undefined })}
            />
          ) : (
            <Stack gap="md" style={{ opacity: results.isPlaceholderData ? 0.6 : 1 }}>
              {first?.matched === 'any' && (
                <Alert color="blue" variant="light">
                  {t('search.matchedAny')}
                </Alert>
              )}
              <ResultList items={items} showKind={!filters.kind} />
              {results.hasNextPage && (
                <Button
                  variant="default"
                  onClick={() => void results.fetchNextPage()}
                  loading={results.isFetchingNextPage}
                  style={{ alignSelf: 'center' }}
                >
                  {t('search.loadMore')}
                </Button>
              )}
            </Stack>
          )}
        </section>
      </Grid.Col>
    </Grid>
  );
}

/** All, then each kind that matched, with its count (a radio group: one kind at a time). */
function KindChips({
  kind,
  counts,
  onChange,
}: {
  kind?: SearchKind;
  counts: { value: string; count: number }[];
  onChange: (kind: SearchKind | undefined) => void;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const countOf = new Map(counts.map((c) => [c.value, c.count]));
  const all = counts.reduce((sum, c) => sum + c.count, 0);
  const shown = SEARCH_KINDS.filter((k) => (countOf.get(k) ?? 0) > 0 || k === kind);
  return (
    <div role="radiogroup" aria-label={t('search.kindFilter')}>
      <Chip.Group
        value={kind ?? 'all'}
        onChange={(v) => onChange(v === 'all' ? undefined : (v as SearchKind))}
      >
        <Group gap={6} wrap="wrap">
          <Chip value="all" size="sm">
            {t('search.kindAll', { count: number(all) })}
          </Chip>
          {shown.map((k) => (
            <Chip key={k} value={k} size="sm">
              {t('search.kindCount', {
                kind: t(`search.kinds.${k}`),
                count: number(countOf.get(k) ?? 0),
              })}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}

/** An answer the API gave about the paging or the pace, in the reader's words, with what to do. */
function RetryNotice({
  text,
  action,
  onAction,
}: {
  text: string;
  action: string;
  onAction: () => void;
}) {
  return (
    <Alert color="orange" variant="light" role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{text}</Text>
        <Button size="xs" variant="default" onClick={onAction}>
          {action}
        </Button>
      </Stack>
    </Alert>
  );
}
