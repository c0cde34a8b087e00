import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AuthorityDto, PopulationDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Fact, Facts } from './Facts';
import { CountryLabel } from './labels';

export function AuthorityCard({ authority, lead }: { authority: AuthorityDto; lead?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" component="article" aria-labelledby={`authority-${authority.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div>
            <Title order={4} id={`authority-${authority.id}`}>
              {authority.name}
            </Title>
            {authority.localName && authority.localName !== authority.name && (
              // Tagged with the city's language so screen readers pronounce it properly.
              <Text size="sm" c="dimmed" lang={authority.languages[0]}>
                {authority.localName}
              </Text>
            )}
            {authority.parent && (
              <Text size="sm">{t('authority.parent', { name: authority.parent.name })}</Text>
            )}
          </div>
          <Group gap={4} justify="flex-end">
            {lead && <Badge color="euBlue">{t('pairing.group.lead')}</Badge>}
            <Badge color="gray">{t(`kind.${authority.kind}`)}</Badge>
          </Group>
        </Group>
        <Facts>
          <Fact label={t('authority.country')}>
            <CountryLabel iso={authority.countryIso} />
          </Fact>
          <Fact label={t('authority.population')}>
            <Population population={authority.population} />
          </Fact>
        </Facts>
      </Stack>
    </Paper>
  );
}

/** "569,000 (city, 2017) · Source: iuc-asia.eu", or "not known". */
export function Population({ population }: { population: PopulationDto | null }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  if (!population) return <>{t('authority.populationUnknown')}</>;
  const detail = [t(`scope.${population.scope}`), population.year].filter(Boolean).join(', ');
  return (
    <>
      {number(population.value)}{' '}
      <Text span size="sm" c="dimmed">
        ({detail})
      </Text>
      {population.source && (
        <Text size="xs" c="dimmed">
          {t('authority.source', { source: population.source })}
        </Text>
      )}
    </>
  );
}
