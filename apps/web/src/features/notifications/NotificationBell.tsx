/** The header's bell: unread mentions (live), a list in a popover, each leading to its message. */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import type { NotificationDto } from '@iuc/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BellIcon } from '../../ui/icons';
import { useDates } from '../../i18n/useDates';
import { usePlanTitle } from '../../i18n/usePlanTitle';
import { markNotificationsRead, notificationPath, useNotifications } from './useNotifications';
import classes from './NotificationBell.module.css';

export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications(true);
  const client = useQueryClient();
  const navigate = useNavigate();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const open = (n: NotificationDto) => {
    setOpened(false);
    if (!n.readAt) void markNotificationsRead(client, [n.id]).catch(() => undefined);
    void navigate(notificationPath(n));
  };

  return (
    <span className={classes.bell}>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={360}
        shadow="md"
        trapFocus
        returnFocus
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={
              unread > 0
                ? t('notifications.buttonUnread', { count: unread })
                : t('notifications.button')
            }
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => setOpened((o) => !o)}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.title')}>
          <Group justify="space-between" px="sm" py="xs" className={classes.head}>
            <Text fw={700} size="sm" component="h2">
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => void markNotificationsRead(client).catch(() => undefined)}
              >
                {t('notifications.markAll')}
              </Button>
            )}
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {notifications.isPending ? t('app.loading') : t('notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={400}>
              <Stack gap={0} component="ul" className={classes.list}>
                {items.map((n) => (
                  <li key={n.id}>
                    <NotificationItem notification={n} onOpen={() => open(n)} />
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
      {unread > 0 && (
        <span className={classes.count} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </span>
  );
}

function NotificationItem({
  notification: n,
  onOpen,
}: {
  notification: NotificationDto;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <UnstyledButton className={classes.item} data-unread={!n.readAt || undefined} onClick={onOpen}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={n.readAt ? 500 : 700}>
          <NotificationTitle notification={n} />
        </Text>
        {!n.readAt && (
          <Badge size="xs" variant="filled" color="red.8" style={{ flexShrink: 0 }}>
            {t('notifications.new')}
          </Badge>
        )}
      </Group>
      {n.excerpt && (
        <Text size="sm" c="dimmed" lineClamp={2}>
          {plainExcerpt(n.excerpt)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        <time dateTime={n.createdAt}>{dates.when(n.createdAt)}</time>
      </Text>
    </UnstyledButton>
  );
}

/** What happened, in a line: who mentioned the person, or who moved which plan or library item where. */
function NotificationTitle({ notification: n }: { notification: NotificationDto }) {
  const { t } = useTranslation();
  const planTitle = usePlanTitle();
  if (n.kind === 'mention') return t('notifications.mention', { name: n.actor.name });
  if (n.kind === 'resource-review')
    return t(`notifications.resourceReview.${n.status}`, {
      name: n.actor.name,
      title: n.resourceTitle,
    });
  return t(`notifications.planReview.${n.status}`, {
    name: n.actor.name,
    plan: planTitle(n.planTitle),
  });
}

/** The excerpt is the message's text: its emphasis and code marks would show as stars here. */
function plainExcerpt(text: string): string {
  return text.replace(/(\*\*|__|\*|`)(?=\S)([^]*?\S)\1/g, '$2');
}
