/**
 * A thread beside the channel (role complementary): its first message, the replies, a reply
 * composer. Opening it focuses the reply field and marks its mentions read; Escape or the close
 * button closes it and focus goes back to the message it belongs to.
 */
import { CloseButton, Divider, Group, Text, Title } from '@mantine/core';
import type { ChannelDto } from '@iuc/domain';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMarkThreadNotificationsRead } from '../notifications';
import { useChannelLabel } from './channelLabel';
import { Composer } from './Composer';
import { useDiscussions } from './context';
import { LogNote } from './MessageList';
import type { MessageListHandle } from './MessageList';
import { MessageLog } from './MessageLog';
import { buildRows } from './rows';
import { useThread } from './useTimeline';
import { MessageItem } from './MessageItem';
import { ErrorAlert, Loading } from '../../ui/Status';
import classes from './Discussions.module.css';

export function ThreadPanel({
  channel,
  rootId,
  highlightId,
  onClose,
}: {
  channel: ChannelDto;
  rootId: string;
  highlightId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { me, pairing } = useDiscussions();
  const label = useChannelLabel(pairing);
  const titleId = useId();
  const thread = useThread(channel.id, rootId);
  const listRef = useRef<MessageListHandle>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const rows = useMemo(() => buildRows(thread.replies), [thread.replies]);
  const markRead = useMarkThreadNotificationsRead();

  useEffect(() => {
    composerRef.current?.focus();
    markRead(rootId);
  }, [rootId, markRead, thread.loaded]);

  useEffect(() => {
    if (highlightId && thread.loaded) listRef.current?.scrollTo(highlightId);
  }, [highlightId, thread.loaded]);

  const root = thread.root;
  return (
    <aside
      aria-labelledby={titleId}
      className={classes.thread}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}
    >
      <Group justify="space-between" wrap="nowrap" className={classes.threadHeader}>
        <div>
          <Title order={2} size="h5" id={titleId}>
            {t('discussions.thread.title')}
          </Title>
          <Text size="xs" c="dimmed">
            # {label(channel)}
          </Text>
        </div>
        <CloseButton aria-label={t('discussions.thread.close')} onClick={onClose} />
      </Group>
      {thread.error ? (
        <ErrorAlert error={thread.error} />
      ) : !root ? (
        <Loading />
      ) : (
        <>
          <div className={classes.threadRoot}>
            <MessageItem
              message={root}
              active={false}
              own={root.author.id === me.id}
              canPost={false}
              editing={false}
              onEdit={() => undefined}
              onDelete={() => undefined}
              onReact={() => undefined}
            />
          </div>
          <Divider
            label={t('discussions.message.replies', { count: root.replyCount })}
            labelPosition="left"
            mx="sm"
          />
          <MessageLog
            channel={channel}
            listRef={listRef}
            label={t('discussions.thread.logLabel', { name: root.author.name })}
            rows={rows}
            hasOlder={false}
            loadingOlder={!thread.loaded}
            empty={<LogNote>{t('discussions.thread.empty')}</LogNote>}
            highlightId={highlightId}
          />
          <Composer
            channel={channel}
            parentId={rootId}
            label={t('discussions.composer.replyLabel', { name: root.author.name })}
            textareaRef={composerRef}
          />
        </>
      )}
    </aside>
  );
}
