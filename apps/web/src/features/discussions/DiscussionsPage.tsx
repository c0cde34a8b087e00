/**
 * /pairings/:pairingId/discussions/:channelId? — a pairing's channels: the sidebar, the open
 * channel (the general one when none is given) and its thread panel.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import type { ChannelDto, PairingDetailDto } from '@iuc/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { PageHeading, usePageTitle } from '../../ui/page';
import { useUser } from '../../session/session';
import { ErrorAlert, Loading } from '../../ui/Status';
import { usePairing } from '../pairings';
import { channelsKey, useChannels } from './api';
import { ChannelSidebar } from './ChannelSidebar';
import { ChannelView } from './ChannelView';
import { DiscussionsContext, type DiscussionsContextValue } from './context';
import { useDiscussionsSocket } from '../../realtime/socket';
import { useChannelRooms } from './useChannelRooms';
import { useLiveUnread } from './useLiveUnread';
import classes from './Discussions.module.css';

export function DiscussionsPage() {
  const { t } = useTranslation();
  const { pairingId = '', channelId } = useParams();
  const location = useLocation();
  const pairing = usePairing(pairingId);
  const channels = useChannels(pairingId);
  usePageTitle(
    pairing.data
      ? t('discussions.pageTitle', { pairing: pairing.data.title })
      : t('discussions.title'),
  );

  if (pairing.isPending || channels.isPending) return <Loading />;
  if (pairing.isError || channels.isError) {
    return (
      <Stack>
        <PageHeading>{t('discussions.title')}</PageHeading>
        <ErrorAlert error={pairing.error ?? channels.error} />
      </Stack>
    );
  }
  const general = channels.data.find((c) => c.kind === 'general') ?? channels.data[0];
  if (!channelId && general)
    // A draft started elsewhere (location state) goes along to the general channel.
    return (
      <Navigate
        replace
        to={`/pairings/${pairingId}/discussions/${general.id}`}
        state={location.state}
      />
    );
  return (
    <Discussions pairing={pairing.data} channels={channels.data} channelId={channelId ?? ''} />
  );
}

function Discussions({
  pairing,
  channels,
  channelId,
}: {
  pairing: PairingDetailDto;
  channels: ChannelDto[];
  channelId: string;
}) {
  const { t } = useTranslation();
  const me = useUser();
  const client = useQueryClient();
  const readingRef = useRef<string | null>(null);
  const rooms = useChannelRooms(
    channels,
    () => void client.invalidateQueries({ queryKey: channelsKey(pairing.id) }),
  );
  useLiveUnread(pairing.id, me.id, readingRef);

  const value = useMemo<DiscussionsContextValue>(
    () => ({ pairing, channels, me, online: rooms.online, joined: rooms.joined, readingRef }),
    [pairing, channels, me, rooms.online, rooms.joined],
  );
  const open = channels.find((c) => c.id === channelId);

  return (
    <DiscussionsContext.Provider value={value}>
      <Stack gap="sm">
        <div>
          <Anchor component={Link} to={`/pairings/${pairing.id}`} size="sm">
            {pairing.title}
          </Anchor>
          <PageHeading size="h2">{t('discussions.title')}</PageHeading>
        </div>
        <ConnectionNotice />
        <div className={classes.layout}>
          <ChannelSidebar />
          {open ? (
            <ChannelView key={open.id} channel={open} />
          ) : (
            <div className={classes.missing}>
              <Text>{t('discussions.channelNotFound')}</Text>
            </div>
          )}
        </div>
      </Stack>
    </DiscussionsContext.Provider>
  );
}

/** Says so while the live connection is down (messages are then neither sent nor received). */
function ConnectionNotice() {
  const { t } = useTranslation();
  const { connection, connected } = useDiscussionsSocket();
  return (
    <div role="status" aria-live="polite">
      {connection && !connected && (
        <Text size="sm" c="orange.9" fw={600}>
          {t('discussions.connection.offline')}
        </Text>
      )}
    </div>
  );
}
