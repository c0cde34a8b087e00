/**
 * Home's way back to work in one of the member's pairings: their own city's Local Action Plan
 * (both plans for members of the whole pairing) and the discussions, with the unread count.
 */
import { Button, Group, Text } from '@mantine/core';
import { worksForPlanCity, type MembershipDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PairingChannelsLink } from '../discussions';
import { PlanStatusBadge, usePairingPlans } from '../plans';
import { usePlanTitle } from '../../i18n/usePlanTitle';
import classes from './PairingShortcuts.module.css';

export function PairingShortcuts({ membership }: { membership: MembershipDto }) {
  const { t } = useTranslation();
  const plans = usePairingPlans(membership.pairingId);
  const planTitle = usePlanTitle();
  // Members of the whole pairing work for neither city: they get both plans.
  const own = (plans.data ?? []).filter(
    (p) =>
      membership.authorityId === null || worksForPlanCity(membership.authorityId, p.authorityId),
  );
  return (
    <Group gap="xs">
      {own.map((plan) => (
        <Button
          key={plan.id}
          component={Link}
          to={`/plans/${plan.id}`}
          variant="default"
          classNames={{
            root: classes.planRoot,
            label: classes.planLabel,
            section: classes.planSection,
          }}
          rightSection={<PlanStatusBadge status={plan.status} size="xs" />}
        >
          {planTitle(plan.title)}
        </Button>
      ))}
      {plans.isError && (
        // Said, not left out: a card without its plan would look as if the city had none.
        <Group gap={4} role="alert">
          <Text size="sm" c="red.8">
            {t('home.plansUnavailable')}
          </Text>
          <Button size="compact-sm" variant="subtle" onClick={() => void plans.refetch()}>
            {t('errors.retry')}
          </Button>
        </Group>
      )}
      <PairingChannelsLink pairingId={membership.pairingId} />
    </Group>
  );
}
