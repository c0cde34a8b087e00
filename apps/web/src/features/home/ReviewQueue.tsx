/**
 * Programme staff's home: where the programme's plans stand, and the plans cities have submitted
 * that wait for a verdict, the longest-waiting first. Kept fresh by the review notifications that
 * reach the bell.
 */
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  PLAN_STATUSES,
  type AuthoritySummaryDto,
  type PairingSummaryDto,
  type PlanStatus,
  type ReviewQueueItemDto,
} from '@iuc/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { ErrorAlert, Loading } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { useSocketEvent } from '../../realtime/socket';
import { CountryLabel } from '../pairings';
import { PlanStatusBadge, planKeys, useReviewQueue } from '../plans';
import { usePlanTitle } from '../../i18n/usePlanTitle';
import { useDateTime } from '../../i18n/useDateTime';

export function ReviewQueue({ pairings }: { pairings: PairingSummaryDto[] }) {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const queryClient = useQueryClient();
  useSocketEvent('notification', (notification) => {
    if (notification.kind === 'plan-review')
      void queryClient.invalidateQueries({ queryKey: planKeys.reviewQueue });
  });
  const pairingOf = new Map(pairings.map((p) => [p.id, p]));
  return (
    <section aria-labelledby="review-queue">
      <Title order={2} size="h3" id="review-queue" mb="sm">
        {t('home.review.title')}
      </Title>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <StatusCounts counts={queue.data.statusCounts} />
          {queue.data.items.length === 0 ? (
            <Text>{t('home.review.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" className={ui.plainList} maw={760}>
              {queue.data.items.map((item) => (
                <li key={item.plan.id}>
                  <QueuedPlan item={item} pairing={pairingOf.get(item.plan.pairingId)} />
                </li>
              ))}
            </Stack>
          )}
        </>
      )}
    </section>
  );
}

/** Where the programme's plans stand: "Draft 44 · Submitted 2 · …", every status shown. */
function StatusCounts({ counts }: { counts: Record<PlanStatus, number> }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <Group
      component="ul"
      gap="md"
      className={ui.plainList}
      aria-label={t('home.review.byStatus')}
      mb="md"
    >
      {PLAN_STATUSES.map((status) => (
        <Group component="li" key={status} gap={6} wrap="nowrap">
          <PlanStatusBadge status={status} />
          <Text fw={700}>{number(counts[status])}</Text>
        </Group>
      ))}
    </Group>
  );
}

function QueuedPlan({
  item,
  pairing,
}: {
  item: ReviewQueueItemDto;
  pairing: PairingSummaryDto | undefined;
}) {
  const { t } = useTranslation();
  const planTitle = usePlanTitle();
  const dateTime = useDateTime();
  const city = pairing && cityOf(pairing, item.plan.authorityId);
  const when = dateTime(item.submittedAt);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`queued-${item.plan.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Anchor
          component={Link}
          to={`/plans/${item.plan.id}`}
          fw={600}
          id={`queued-${item.plan.id}`}
        >
          {planTitle(item.plan.title)}
        </Anchor>
        {item.resubmitted && (
          <Badge variant="light" color="orange.9">
            {t('home.review.resubmitted')}
          </Badge>
        )}
      </Group>
      {pairing && (
        <Text size="sm" c="dimmed" mt={4}>
          {pairing.title}
          {city && (
            <>
              {' · '}
              <CountryLabel iso={city.countryIso} />
            </>
          )}
        </Text>
      )}
      <Text size="sm" mt={4}>
        <time dateTime={item.submittedAt}>
          {item.submittedBy
            ? t('home.review.submittedBy', { when, name: item.submittedBy.name })
            : t('home.review.submitted', { when })}
        </time>
      </Text>
    </Paper>
  );
}

function cityOf(pairing: PairingSummaryDto, authorityId: string): AuthoritySummaryDto | undefined {
  return [...pairing.eu, ...pairing.partner].find((a) => a.id === authorityId);
}
