/** The pairing's channels, grouped (general, topics, city teams), with unread counts. */
import { Badge, Button, Text, VisuallyHidden } from '@mantine/core';
import { can, type ChannelDto, type ChannelKind } from '@iuc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useChannelLabel } from './channelLabel';
import { useDiscussions } from './context';
import { PlusIcon } from '../../ui/icons';
import { NewChannelModal } from './NewChannelModal';
import classes from './Discussions.module.css';

const GROUPS: { kind: ChannelKind; title: 'general' | 'topics' | 'city' }[] = [
  { kind: 'general', title: 'general' },
  { kind: 'topic', title: 'topics' },
  { kind: 'city', title: 'city' },
];

export function ChannelSidebar() {
  const { t } = useTranslation();
  const { pairing, channels, me } = useDiscussions();
  const [creating, setCreating] = useState(false);
  const role = me.memberships.find((m) => m.pairingId === pairing.id)?.role ?? null;
  const mayCreate = can(
    { programmeRole: me.programmeRole, pairingRole: role },
    'discussion.channel.manage',
  );

  return (
    <nav aria-label={t('discussions.channels.label')} className={classes.sidebar}>
      {GROUPS.map(({ kind, title }) => {
        const list = channels.filter((c) => c.kind === kind);
        if (!list.length && !(kind === 'topic' && mayCreate)) return null;
        const headingId = `channels-${kind}`;
        return (
          <div key={kind} className={classes.group}>
            <Text
              component="h2"
              size="xs"
              fw={700}
              tt="uppercase"
              c="dimmed"
              id={headingId}
              className={classes.groupTitle}
            >
              {t(`discussions.channels.${title}`)}
            </Text>
            <ul aria-labelledby={headingId} className={classes.channelList}>
              {list.map((c) => (
                <li key={c.id}>
                  <ChannelLink channel={c} />
                </li>
              ))}
            </ul>
            {kind === 'topic' && mayCreate && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<PlusIcon />}
                onClick={() => setCreating(true)}
                aria-haspopup="dialog"
                className={classes.newChannel}
              >
                <span className={classes.newChannelLabel}>
                  {t('discussions.channels.newTopic')}
                </span>
              </Button>
            )}
          </div>
        );
      })}
      {mayCreate && <NewChannelModal opened={creating} onClose={() => setCreating(false)} />}
    </nav>
  );
}

function ChannelLink({ channel }: { channel: ChannelDto }) {
  const { t } = useTranslation();
  const { pairing } = useDiscussions();
  const label = useChannelLabel(pairing);
  return (
    <NavLink
      to={`/pairings/${pairing.id}/discussions/${channel.id}`}
      className={classes.channelLink}
      data-unread={channel.unread > 0 || undefined}
    >
      <span className={classes.channelName}>
        <span aria-hidden="true" className={classes.hash}>
          #
        </span>
        {label(channel)}
      </span>
      {channel.unread > 0 && (
        <>
          <Badge size="sm" variant="filled" circle={channel.unread < 10} aria-hidden="true">
            {channel.unread > 99 ? '99+' : channel.unread}
          </Badge>
          <VisuallyHidden>
            {t('discussions.channels.unread', { count: channel.unread })}
          </VisuallyHidden>
        </>
      )}
    </NavLink>
  );
}
