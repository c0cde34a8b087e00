/** `/library/trash`: deleted items the reader may restore (their own; officers: all), for 30 days. */
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { RESOURCE_TRASH_DAYS, type ResourceSummaryDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTime } from '../../i18n/useDateTime';
import { PageHeading } from '../../ui/page';
import { ErrorAlert, Loading, SubmitError } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { useRestoreResource, useTrash } from './useLibrary';

export function TrashPage() {
  const { t } = useTranslation();
  const trash = useTrash();
  const restore = useRestoreResource();
  return (
    <Stack gap="md" maw={880}>
      <Anchor component={Link} to="/library" size="sm">
        {t('library.item.back')}
      </Anchor>
      <PageHeading>{t('library.trash.title')}</PageHeading>
      <Text c="dimmed">{t('library.trash.intro', { days: RESOURCE_TRASH_DAYS })}</Text>
      <SubmitError mutation={restore} />
      {trash.isPending ? (
        <Loading />
      ) : trash.isError ? (
        <ErrorAlert error={trash.error} onRetry={() => void trash.refetch()} />
      ) : trash.data.length === 0 ? (
        <Text>{t('library.trash.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" className={ui.plainList}>
          {trash.data.map((item) => (
            <li key={item.id}>
              <TrashedItem
                item={item}
                busy={restore.isPending && restore.variables === item.id}
                onRestore={() => restore.mutate(item.id)}
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function TrashedItem({
  item,
  busy,
  onRestore,
}: {
  item: ResourceSummaryDto;
  busy: boolean;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`library.kind.${item.kind}`)}
            {item.deletedAt &&
              ` · ${t('library.trash.deletedAt', { when: dateTime(item.deletedAt) })}`}
          </Text>
        </div>
        <Button
          variant="default"
          onClick={onRestore}
          loading={busy}
          aria-label={t('library.trash.restoreName', { title: item.title })}
        >
          {t('library.trash.restore')}
        </Button>
      </Group>
    </Paper>
  );
}
