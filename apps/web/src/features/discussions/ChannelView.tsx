/**
 * One channel: header, history, typing, composer, and the thread panel beside it. The URL says
 * which thread is open (?thread=) and which message to show (?message=, from a notification).
 */
import type { ChannelDto, MessageDto } from '@iuc/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/Status';
import { ChannelHeader } from './ChannelHeader';
import { useChannelLabel } from './channelLabel';
import { Composer } from './Composer';
import { referenceFrom, type DraftReference } from './draft';
import { useDiscussions } from './context';
import { LogNote, type MessageListHandle } from './MessageList';
import { MessageLog } from './MessageLog';
import { buildRows } from './rows';
import { ThreadPanel } from './ThreadPanel';
import { TypingIndicator } from './TypingIndicator';
import { useMarkRead } from './useMarkRead';
import { useChannelTimeline } from './useTimeline';
import classes from './Discussions.module.css';

export function ChannelView({ channel }: { channel: ChannelDto }) {
  const { t } = useTranslation();
  const { pairing, online } = useDiscussions();
  const label = useChannelLabel(pairing)(channel);
  const timeline = useChannelTimeline(channel.id);
  const listRef = useRef<MessageListHandle>(null);
  const [params, setParams] = useSearchParams();
  const threadId = params.get('thread');
  const target = params.get('message');
  // Where the unread messages began when the channel was opened: the divider stays there.
  const [firstUnreadId] = useState(channel.firstUnreadId);
  const [atEnd, setAtEnd] = useState(true);
  const reference = useBroughtReference();

  const rows = useMemo(
    () => buildRows(timeline.messages, { firstUnreadId }),
    [timeline.messages, firstUnreadId],
  );
  const newest = timeline.messages.at(-1)?.id ?? null;
  useMarkRead(channel, timeline.loaded ? newest : null, atEnd);

  const openThread = useCallback(
    (m: MessageDto) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('thread', m.id);
        next.delete('message');
        return next;
      }),
    [setParams],
  );
  const closeThread = () => {
    const rootId = threadId;
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.delete('thread');
      next.delete('message');
      return next;
    });
    // Back to the message whose thread it was.
    if (rootId) requestAnimationFrame(() => listRef.current?.scrollTo(rootId, { focus: true }));
  };

  // A linked message (notification): load back to it, then show it.
  const { loaded, loadUntil } = timeline;
  const shownTarget = threadId ? threadId : target;
  useEffect(() => {
    if (!loaded || !shownTarget) return;
    let active = true;
    void loadUntil(shownTarget).then((found) => {
      if (found && active) requestAnimationFrame(() => listRef.current?.scrollTo(shownTarget));
    });
    return () => {
      active = false;
    };
  }, [loaded, shownTarget, loadUntil]);

  const jump = firstUnreadId
    ? {
        key: 'unread',
        label: t('discussions.log.jumpToUnread'),
        load: () => loadUntil(firstUnreadId),
      }
    : null;

  return (
    <div className={classes.channel} data-thread={threadId ? '' : undefined}>
      <section className={classes.channelMain} aria-label={label}>
        <ChannelHeader
          channel={channel}
          label={label}
          pairing={pairing}
          online={online.get(channel.id) ?? []}
        />
        {timeline.error ? (
          <ErrorAlert error={timeline.error} />
        ) : (
          <MessageLog
            channel={channel}
            listRef={listRef}
            label={t('discussions.log.label', { channel: label })}
            rows={rows}
            hasOlder={timeline.hasOlder || !timeline.loaded}
            loadingOlder={timeline.loadingOlder || !timeline.loaded}
            onLoadOlder={timeline.loadOlder}
            start={<LogNote>{t('discussions.log.start', { channel: label })}</LogNote>}
            empty={timeline.loaded && <LogNote>{t('discussions.log.empty')}</LogNote>}
            onAtEndChange={setAtEnd}
            onOpenThread={openThread}
            highlightId={threadId ?? target}
            jump={jump}
          />
        )}
        <TypingIndicator channelId={channel.id} />
        <Composer
          channel={channel}
          label={t('discussions.composer.label', { channel: label })}
          reference={reference}
        />
      </section>
      {threadId && (
        <ThreadPanel
          key={threadId}
          channel={channel}
          rootId={threadId}
          highlightId={threadId ? target : null}
          onClose={closeThread}
        />
      )}
    </div>
  );
}

/**
 * The reference this navigation brought (see draft.ts), taken once: the state is then dropped from
 * the history entry, so that a reload or going back does not bring it again.
 */
function useBroughtReference(): DraftReference | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [reference] = useState(() => referenceFrom(location.state));
  useEffect(() => {
    if (reference && location.state)
      void navigate(
        { pathname: location.pathname, search: location.search, hash: location.hash },
        { replace: true, state: null },
      );
  }, [reference, location, navigate]);
  return reference;
}
