/** The message list with what one can do to its messages: edit, delete, react, open the thread. */
import { Alert } from '@mantine/core';
import type { ChannelDto, MessageDto } from '@iuc/domain';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiscussions } from './context';
import { DeleteMessageModal } from './DeleteMessageModal';
import { useSendErrorMessage } from './errors';
import { MessageItem } from './MessageItem';
import {
  MessageList,
  type MessageKey,
  type MessageListHandle,
  type MessageListProps,
} from './MessageList';
import type { SendError } from '../../realtime/socket';
import { useMessageActions } from './useMessageActions';

export interface MessageLogProps extends Omit<MessageListProps, 'renderMessage' | 'onKey' | 'ref'> {
  channel: ChannelDto;
  listRef: RefObject<MessageListHandle | null>;
  onOpenThread?: (message: MessageDto) => void;
  highlightId?: string | null;
}

export function MessageLog({
  channel,
  listRef,
  onOpenThread,
  highlightId,
  ...list
}: MessageLogProps) {
  const { t } = useTranslation();
  const { me } = useDiscussions();
  const { react } = useMessageActions();
  const errorText = useSendErrorMessage();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const [error, setError] = useState<SendError | null>(null);

  const mayChange = (m: MessageDto) => m.author.id === me.id && !m.deletedAt && channel.canPost;
  const onKey = (key: MessageKey, m: MessageDto) => {
    if (key === 'open' && onOpenThread && !m.parentId) onOpenThread(m);
    if (key === 'edit' && mayChange(m)) setEditingId(m.id);
    if (key === 'delete' && mayChange(m)) setDeletingId(m.id);
  };
  const onReact = async (m: MessageDto, emoji: string) => {
    const result = await react(m.id, emoji);
    setError(result.ok ? null : result);
  };
  const stopEditing = (m: MessageDto) => {
    setEditingId(null);
    // Back to the message, not to the top of the page.
    requestAnimationFrame(() => listRef.current?.scrollTo(m.id, { focus: true }));
  };

  return (
    <>
      {error && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          withCloseButton
          closeButtonLabel={t('app.close')}
          onClose={() => setError(null)}
        >
          {errorText(error)}
        </Alert>
      )}
      <MessageList
        {...list}
        ref={listRef}
        onKey={onKey}
        renderMessage={(m, active) => (
          <MessageItem
            message={m}
            active={active}
            own={m.author.id === me.id}
            canPost={channel.canPost}
            editing={editingId === m.id}
            highlighted={highlightId === m.id}
            onEdit={(on) => (on ? setEditingId(m.id) : stopEditing(m))}
            onDelete={() => setDeletingId(m.id)}
            onReact={(emoji) => void onReact(m, emoji)}
            onOpenThread={onOpenThread && !m.parentId ? () => onOpenThread(m) : undefined}
          />
        )}
      />
      <DeleteMessageModal messageId={deletingId} onClose={() => setDeletingId(null)} />
    </>
  );
}
