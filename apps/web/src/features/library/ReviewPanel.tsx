/**
 * An officer's verdict on a programme-wide item: publish, request changes or reject (the last two
 * with a comment the author reads).
 */
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { LIBRARY_LIMITS, type ResourceReviewAction } from '@iuc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitError } from '../../ui/Status';
import { useReviewResource } from './useLibrary';

export function ReviewPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const review = useReviewResource(id);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const act = (action: ResourceReviewAction) => {
    const text = comment.trim();
    if (action !== 'publish' && !text) {
      setMissing(true);
      document.getElementById('review-comment')?.focus();
      return;
    }
    setMissing(false);
    review.mutate(
      { action, ...(text ? { comment: text } : {}) },
      {
        onSuccess: () => {
          setComment('');
          // The panel goes with the verdict: focus returns to the item's heading, not the void.
          document.querySelector<HTMLElement>('main h1')?.focus();
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="review-panel">
          {t('library.review.title')}
        </Title>
        <Text size="sm">{t('library.review.intro')}</Text>
        <Textarea
          id="review-comment"
          label={t('library.review.comment')}
          description={t('library.review.commentHelp')}
          value={comment}
          maxLength={LIBRARY_LIMITS.reviewComment}
          autosize
          minRows={2}
          error={missing ? t('library.review.commentRequired') : undefined}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <SubmitError mutation={review} />
        <Group gap="xs">
          <Button color="green.8" onClick={() => act('publish')} loading={review.isPending}>
            {t('library.review.publish')}
          </Button>
          <Button
            variant="default"
            onClick={() => act('request-changes')}
            disabled={review.isPending}
          >
            {t('library.review.requestChanges')}
          </Button>
          <Button
            color="red.9"
            variant="outline"
            onClick={() => act('reject')}
            disabled={review.isPending}
          >
            {t('library.review.reject')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
