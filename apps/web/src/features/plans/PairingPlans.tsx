/** The pairing page's "Local Action Plans": one plan per city, with its status and a link. */
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasErrorCode } from '../../api/api';
import { ErrorAlert, Loading } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { usePairing } from '../pairings';
import { PlanStatusBadge } from './labels';
import { usePlanTitle } from '../../i18n/usePlanTitle';
import { usePairingPlans } from './usePlans';

export function PairingPlans({ pairingId }: { pairingId: string }) {
  const { t } = useTranslation();
  const plans = usePairingPlans(pairingId);
  const pairing = usePairing(pairingId);
  const planTitle = usePlanTitle();
  // People outside the pairing may see the pairing but not its plans: no section for them.
  if (hasErrorCode(plans.error, 'forbidden')) return null;
  const cityOf = (authorityId: string) =>
    pairing.data?.sides.flatMap((s) => s.authorities).find((a) => a.id === authorityId)?.name;
  return (
    <section aria-labelledby="section-plans">
      <Title order={2} size="h3" id="section-plans" mb="sm">
        {t('plans.pairing.title')}
      </Title>
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.length === 0 ? (
        <Text>{t('plans.pairing.none')}</Text>
      ) : (
        <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} spacing="md" className={ui.plainList}>
          {plans.data.map((plan) => (
            <Paper component="li" key={plan.id} p="md">
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/plans/${plan.id}`} fw={650}>
                    {planTitle(plan.title)}
                  </Anchor>
                  <PlanStatusBadge status={plan.status} style={{ flexShrink: 0 }} />
                </Group>
                {cityOf(plan.authorityId) && (
                  <Text size="sm" c="dimmed">
                    {t('plans.pairing.city', { city: cityOf(plan.authorityId) })}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}
