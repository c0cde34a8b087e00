import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/page';
import { ErrorAlert, Loading } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { DirectoryFilters } from './DirectoryFilters';
import { PairingCard } from './PairingCard';
import { useDirectoryFilters, usePairings } from './usePairings';

export function DirectoryPage() {
  const { t } = useTranslation();
  const { filters, setFilter, clear } = useDirectoryFilters();
  const all = usePairings();
  const results = usePairings(filters);
  const count = results.data?.length ?? 0;

  return (
    <Stack gap="lg">
      <div>
        <PageHeading>{t('directory.title')}</PageHeading>
        <Text c="dimmed" mt={4}>
          {t('directory.intro')}
        </Text>
      </div>
      <DirectoryFilters
        filters={filters}
        setFilter={setFilter}
        clear={clear}
        all={all.data ?? []}
      />
      {/* Announced politely whenever the filters change the number of results. */}
      <Text role="status" aria-live="polite" fw={600}>
        {results.data && t('directory.count', { count })}
      </Text>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : count === 0 ? (
        <Text>{t('directory.empty')}</Text>
      ) : (
        <SimpleGrid
          component="ul"
          aria-label={t('directory.results')}
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          className={ui.plainList}
          // Dimmed while the next filter's results load.
          style={{ opacity: results.isPlaceholderData ? 0.6 : 1 }}
        >
          {results.data.map((pairing) => (
            <li key={pairing.id}>
              <PairingCard pairing={pairing} />
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
