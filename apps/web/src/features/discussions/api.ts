/** REST calls of discussions (history, threads, read positions, channels) and their query keys. */
import type {
  ChannelDto,
  CreateChannelRequest,
  MessagePageDto,
  ReadStateDto,
  ThreadDto,
} from '@iuc/domain';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, body } from '../../api/api';

const byId = (id: string) => ({ params: { path: { id } } });

export const channelsKey = (pairingId: string) => ['discussions', 'channels', pairingId] as const;

export function useChannels(pairingId: string) {
  return useQuery({
    queryKey: channelsKey(pairingId),
    queryFn: () => body(api.GET('/api/pairings/{id}/channels', byId(pairingId))),
    staleTime: 30_000,
  });
}

/** Changes one channel in the cached list (unread counts from events and read positions). */
export function patchChannel(
  client: QueryClient,
  pairingId: string,
  channelId: string,
  change: (channel: ChannelDto) => Partial<ChannelDto>,
): void {
  client.setQueryData<ChannelDto[]>(channelsKey(pairingId), (list) =>
    list?.map((c) => (c.id === channelId ? { ...c, ...change(c) } : c)),
  );
}

export function applyReadState(client: QueryClient, pairingId: string, state: ReadStateDto): void {
  patchChannel(client, pairingId, state.channelId, () => ({
    unread: state.unread,
    readCursor: state.readCursor,
    firstUnreadId: state.firstUnreadId,
  }));
}

export interface PageQuery {
  before?: string;
  after?: string;
  limit?: number;
}

export function fetchHistory(channelId: string, query: PageQuery = {}): Promise<MessagePageDto> {
  return body(
    api.GET('/api/channels/{id}/messages', {
      params: {
        path: { id: channelId },
        query: { before: query.before, after: query.after, limit: query.limit },
      },
    }),
  );
}

export function fetchThread(messageId: string, after?: string): Promise<ThreadDto> {
  return body(
    api.GET('/api/messages/{id}/replies', {
      params: { path: { id: messageId }, query: { after, limit: 100 } },
    }),
  );
}

export function markChannelRead(channelId: string, messageId?: string): Promise<ReadStateDto> {
  return body(
    api.POST('/api/channels/{id}/read', {
      ...byId(channelId),
      body: messageId ? { messageId } : {},
    }),
  );
}

export function useCreateChannel(pairingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: CreateChannelRequest) =>
      body(api.POST('/api/pairings/{id}/channels', { ...byId(pairingId), body: channel })),
    onSuccess: (channel) =>
      client.setQueryData<ChannelDto[]>(channelsKey(pairingId), (list) => [
        ...(list ?? []),
        channel,
      ]),
  });
}

/** Who can be mentioned in a channel, by the start of their name or handle. */
export function useMentionCandidates(channelId: string, query: string | null) {
  return useQuery({
    queryKey: ['discussions', 'members', channelId, query ?? ''],
    queryFn: () =>
      body(
        api.GET('/api/channels/{id}/members', {
          params: { path: { id: channelId }, query: { q: query || undefined } },
        }),
      ),
    enabled: query !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
