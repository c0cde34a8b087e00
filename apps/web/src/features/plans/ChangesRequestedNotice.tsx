/**
 * Above a plan sent back for changes: who asked, when, and what they asked for. The comment is
 * otherwise only in the review history, folded away on phones, and it is the city's next task.
 */
import { Alert, Text } from '@mantine/core';
import type { PlanDetailDto } from '@iuc/domain';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../i18n/useDateTime';
import { useReviews } from './usePlans';

export function ChangesRequestedNotice({ plan }: { plan: PlanDetailDto }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const reviews = useReviews(plan.id);
  const sentBack = plan.status === 'changes_requested';
  // The log comes newest first.
  const latest = reviews.data?.[0];
  const stepShown = latest?.to === 'changes_requested';
  const { refetch } = reviews;
  // The plan's status is asked again every 15 s; the log it was read with may be older.
  useEffect(() => {
    if (sentBack && latest && !stepShown) void refetch();
  }, [sentBack, latest, stepShown, refetch]);
  if (!sentBack || !latest || !stepShown) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('plans.changesRequested.title', {
        name: latest.actor?.name ?? t('plans.formerUser'),
      })}
    >
      {latest.comment && (
        <Text component="blockquote" m={0} style={{ whiteSpace: 'pre-wrap' }}>
          {latest.comment}
        </Text>
      )}
      <Text size="sm" c="dimmed" mt={4}>
        <time dateTime={latest.createdAt}>{dateTime(latest.createdAt)}</time>
        {plan.permissions.transitions.includes('submitted') &&
          ` · ${t('plans.changesRequested.next')}`}
      </Text>
    </Alert>
  );
}
