/** The plan's review steps, newest first, with who made them, when, and their comments. */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../../ui/Status';
import ui from '../../../ui/ui.module.css';
import { useReviews } from '../usePlans';
import classes from './panels.module.css';
import { useDateTime } from '../../../i18n/useDateTime';

export function ReviewHistory({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const reviews = useReviews(planId);
  const dateTime = useDateTime();
  if (reviews.isPending) return <Loading />;
  if (reviews.isError)
    return <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />;
  const steps = [...reviews.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap={6} component="section" aria-labelledby="plan-history-title">
      <Title order={3} size="h6" id="plan-history-title">
        {t('plans.review.history')}
      </Title>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.review.noHistory')}
        </Text>
      ) : (
        <Stack component="ol" gap="xs" className={ui.plainList}>
          {steps.map((step) => (
            <li key={step.id}>
              <Text size="sm">
                {t('plans.review.step', {
                  person: step.actor?.name ?? t('plans.formerUser'),
                  from: t(`plans.status.${step.from}`),
                  to: t(`plans.status.${step.to}`),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                <time dateTime={step.createdAt}>{dateTime(step.createdAt)}</time>
              </Text>
              {step.comment && (
                <Text size="sm" component="blockquote" className={classes.quote}>
                  {step.comment}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
