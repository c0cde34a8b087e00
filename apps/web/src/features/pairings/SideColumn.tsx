import { Paper, Stack, Text, Title } from '@mantine/core';
import type { MunicipalityGroupDto, PairingSideDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { AuthorityCard } from './AuthorityCard';
import { Fact, Facts } from './Facts';

/** One side of the pairing: its authorities, inside their municipality group when they applied as one. */
export function SideColumn({ side }: { side: PairingSideDto }) {
  const { t } = useTranslation();
  const headingId = `side-${side.side}`;
  const cards = side.authorities.map((a) => (
    <AuthorityCard key={a.id} authority={a} lead={side.group?.lead.id === a.id} />
  ));
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={3} id={headingId} size="h4" c="euBlue.7">
        {t(`side.${side.side}`)}
      </Title>
      {side.group ? <GroupBox group={side.group}>{cards}</GroupBox> : cards}
    </Stack>
  );
}

function GroupBox({ group, children }: { group: MunicipalityGroupDto; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <Paper
      p="md"
      bg="gray.0"
      aria-label={t('pairing.group.label', { name: group.name })}
      role="group"
    >
      <Stack gap="sm">
        <div>
          <Text fw={700}>{group.name}</Text>
          <Text size="sm" c="dimmed">
            {t('pairing.group.description', { count: group.members.length })}
          </Text>
        </div>
        <Facts>
          <Fact label={t('pairing.group.leadLabel')}>{group.lead.name}</Fact>
          <Fact label={t('pairing.group.members')}>
            {group.members.map((m) => m.name).join(', ')}
          </Fact>
          <Fact label={t('pairing.group.combinedPopulation')}>
            {group.combinedPopulation === null
              ? t('authority.populationUnknown')
              : number(group.combinedPopulation)}
          </Fact>
          {group.coordinatingBody && (
            <Fact label={t('pairing.group.coordinatingBody')}>{group.coordinatingBody}</Fact>
          )}
        </Facts>
        {children}
      </Stack>
    </Paper>
  );
}
