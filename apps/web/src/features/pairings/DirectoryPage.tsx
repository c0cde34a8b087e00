import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PairingSummaryDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/page';
import { ErrorAlert, Loading } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { DirectoryFilters } from './DirectoryFilters';
import { PairingCard } from './PairingCard';
import { useDirectoryFilters, usePairings } from './usePairings';

export function DirectoryPage() {
  const { t } = useTranslation();
  const { filters, setFilter, clear, city, clearCity } = useDirectoryFilters();
  const all = usePairings();
  const results = usePairings(filters);
  const shown = city ? results.data?.filter((p) => hasCity(p, city)) : results.data;
  const count = shown?.length ?? 0;
  const cityName = city ? all.data?.flatMap(sides).find((a) => a.id === city)?.name : undefined;

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
      {city && (
        <Group gap="sm" wrap="wrap">
          <Text fw={600}>{t('directory.cityOnly', { city: cityName ?? '…' })}</Text>
          <Button variant="subtle" size="compact-sm" onClick={clearCity}>
            {t('directory.cityAll')}
          </Button>
        </Group>
      )}
      {/* Announced politely whenever the filters change the number of results. */}
      <Text role="status" aria-live="polite" fw={600}>
        {shown && t('directory.count', { count })}
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
          {(shown ?? []).map((pairing) => (
            <li key={pairing.id}>
              <PairingCard pairing={pairing} />
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

const sides = (p: PairingSummaryDto) => [...p.eu, ...p.partner];
const hasCity = (p: PairingSummaryDto, authorityId: string) =>
  sides(p).some((a) => a.id === authorityId);
