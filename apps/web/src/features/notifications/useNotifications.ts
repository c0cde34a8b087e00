/** The signed-in person's notifications (mentions): listed over REST, kept live over the socket. */
import type { NotificationDto, NotificationListDto, NotificationsUnreadDto } from '@iuc/domain';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { api, body } from '../../api/api';
import { useDiscussionsSocket, useSocketEvent } from '../../realtime/socket';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useNotifications(enabled: boolean) {
  const client = useQueryClient();
  const { generation } = useDiscussionsSocket();
  const query = useQuery({
    queryKey: NOTIFICATIONS_KEY,
    // The domain type: OpenAPI flattens the union of notification kinds into one optional-field shape.
    queryFn: async () =>
      (await body(
        api.GET('/api/notifications', { params: { query: { limit: 20 } } }),
      )) as NotificationListDto,
    enabled,
    staleTime: 60_000,
  });

  useSocketEvent('notification', (notification) =>
    client.setQueryData<NotificationListDto>(NOTIFICATIONS_KEY, (list) =>
      list && !list.items.some((n) => n.id === notification.id)
        ? { ...list, items: [notification, ...list.items], unread: list.unread + 1 }
        : list,
    ),
  );
  useSocketEvent('notifications:read', (state) => setUnread(client, state, null));

  // Whatever came while the connection was down.
  useEffect(() => {
    if (generation > 1) void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  }, [generation, client]);

  return query;
}

/** The server's unread count, and the given ones (null: all, when it says 0) marked read here. */
function setUnread(client: QueryClient, state: NotificationsUnreadDto, ids: string[] | null): void {
  const now = new Date().toISOString();
  client.setQueryData<NotificationListDto>(
    NOTIFICATIONS_KEY,
    (list) =>
      list && {
        ...list,
        unread: state.unread,
        items: list.items.map((n) =>
          !n.readAt && (ids ? ids.includes(n.id) : state.unread === 0) ? { ...n, readAt: now } : n,
        ),
      },
  );
}

export async function markNotificationsRead(client: QueryClient, ids?: string[]): Promise<void> {
  const state = await body(api.POST('/api/notifications/read', { body: ids ? { ids } : {} }));
  setUnread(client, state, ids ?? null);
}

/** Opening a thread reads the mentions in it. */
export function useMarkThreadNotificationsRead(): (rootId: string) => void {
  const client = useQueryClient();
  return useCallback(
    (rootId: string) => {
      const list = client.getQueryData<NotificationListDto>(NOTIFICATIONS_KEY);
      const ids = (list?.items ?? [])
        .filter(
          (n: NotificationDto) =>
            n.kind === 'mention' && !n.readAt && (n.parentId === rootId || n.messageId === rootId),
        )
        .map((n) => n.id);
      if (ids.length) void markNotificationsRead(client, ids).catch(() => undefined);
    },
    [client],
  );
}

/**
 * Where a notification leads: a mention to its channel, scrolled to the message (in its thread
 * for a reply); a review step to the plan (or library item), whose review panel tells what happened.
 */
export function notificationPath(n: NotificationDto): string {
  if (n.kind === 'plan-review') return `/plans/${n.planId}`;
  if (n.kind === 'resource-review') return `/library/${n.resourceId}`;
  const params = new URLSearchParams({ message: n.messageId });
  if (n.parentId) params.set('thread', n.parentId);
  return `/pairings/${n.pairingId}/discussions/${n.channelId}?${params}`;
}
