import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { PairingSummaryDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { programmeFacts } from './facts';

export function ProgrammeFacts({ pairings }: { pairings: PairingSummaryDto[] }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const facts = programmeFacts(pairings);
  const items = [
    { value: facts.pairings, label: t('home.facts.pairings', { count: facts.pairings }) },
    { value: facts.cities, label: t('home.facts.cities', { count: facts.cities }) },
    { value: facts.countries, label: t('home.facts.countries', { count: facts.countries }) },
    { value: facts.regions, label: t('home.facts.regions', { count: facts.regions }) },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="md" m={0}>
      {items.map((item) => (
        // The term comes first in the markup (as a list requires); the number is shown above it.
        <Paper
          key={item.label}
          p="md"
          style={{ display: 'flex', flexDirection: 'column-reverse', justifyContent: 'flex-end' }}
        >
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" fz={32} fw={700} c="euBlue.7" m={0} lh={1.1}>
            {number(item.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
