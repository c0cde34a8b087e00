/** Programme staff's list of library items waiting for a verdict (beside the plans' queue). */
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTime } from '../../i18n/useDateTime';
import { useSocketEvent } from '../../realtime/socket';
import { ErrorAlert, Loading } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { usePlace } from './labels';
import { resourcePath } from './links';
import { libraryKeys, useLibraryReviewQueue } from './useLibrary';

export function LibraryReviewQueue() {
  const { t } = useTranslation();
  const queue = useLibraryReviewQueue();
  const queryClient = useQueryClient();
  const dateTime = useDateTime();
  const place = usePlace();
  useSocketEvent('notification', () => {
    void queryClient.invalidateQueries({ queryKey: libraryKeys.reviewQueue });
  });
  return (
    <section aria-labelledby="library-review-queue">
      <Title order={2} size="h3" id="library-review-queue" mb="sm">
        {t('library.review.queueTitle')}
      </Title>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <Text>{t('library.review.queueEmpty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" className={ui.plainList} maw={760}>
          {queue.data.map((item) => (
            <li key={item.id}>
              <Paper withBorder p="md" component="article" aria-labelledby={`queued-r-${item.id}`}>
                <Group justify="space-between" gap="xs" align="flex-start">
                  <Anchor
                    component={Link}
                    to={resourcePath(item.id)}
                    fw={600}
                    id={`queued-r-${item.id}`}
                  >
                    {item.title}
                  </Anchor>
                  <Text size="xs" fw={700} tt="uppercase" c="euBlue.8">
                    {t(`library.kind.${item.kind}`)}
                  </Text>
                </Group>
                <Text size="sm" c="dimmed" mt={4}>
                  {[place(item), item.author.name].filter(Boolean).join(' · ')}
                </Text>
                <Text size="sm" mt={4}>
                  <time dateTime={item.updatedAt}>
                    {t('library.review.waitingSince', { when: dateTime(item.updatedAt) })}
                  </time>
                </Text>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}
