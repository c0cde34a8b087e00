/** One message: author, time, text (or "deleted"), "edited", reactions, thread summary, actions. */
import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { PersonAvatar } from '../../ui/PersonAvatar';
import type { MessageDto } from '@iuc/domain';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EditIcon, ReplyIcon, TrashIcon } from '../../ui/icons';
import { MessageBody } from './MessageBody';
import { MessageEditor } from './MessageEditor';
import { ReactionPicker, Reactions } from './Reactions';
import { useDates } from '../../i18n/useDates';
import classes from './Discussions.module.css';

export interface MessageItemProps {
  message: MessageDto;
  /** The list's current message: its buttons are in the tab order. */
  active: boolean;
  own: boolean;
  canPost: boolean;
  editing: boolean;
  highlighted?: boolean;
  onEdit: (editing: boolean) => void;
  onDelete: () => void;
  onReact: (emoji: string) => void;
  /** Absent for thread replies (and the thread's first message shown in its panel). */
  onOpenThread?: () => void;
}

export function MessageItem({
  message,
  active,
  own,
  canPost,
  editing,
  highlighted,
  onEdit,
  onDelete,
  onReact,
  onOpenThread,
}: MessageItemProps) {
  const { t } = useTranslation();
  const dates = useDates();
  const deleted = message.deletedAt !== null;
  const tab = active ? 0 : -1;
  const authorId = useId();
  return (
    <article
      data-row={message.id}
      tabIndex={-1}
      aria-labelledby={authorId}
      className={classes.message}
      data-active={active || undefined}
      data-highlighted={highlighted || undefined}
      data-own={own || undefined}
    >
      <PersonAvatar size={32} name={message.author.name} aria-hidden="true" />
      <div className={classes.messageMain}>
        <Group gap={8} wrap="wrap" align="baseline">
          <Text span fw={700} size="sm" id={authorId}>
            {message.author.name}
          </Text>
          <Text span size="xs" c="dimmed">
            <time dateTime={message.createdAt} title={dates.full(message.createdAt)}>
              {dates.time(message.createdAt)}
            </time>
          </Text>
          {message.editedAt && !deleted && (
            <Text span size="xs" c="dimmed" title={dates.full(message.editedAt)}>
              ({t('discussions.message.edited')})
            </Text>
          )}
        </Group>
        {deleted ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('discussions.message.deleted')}
          </Text>
        ) : editing ? (
          <MessageEditor message={message} onDone={() => onEdit(false)} />
        ) : (
          <MessageBody body={message.body} />
        )}
        {!deleted && <Reactions message={message} onToggle={onReact} disabled={!canPost} />}
        {onOpenThread && message.replyCount > 0 && (
          <Group gap={6} mt={2}>
            <Button variant="subtle" size="compact-xs" onClick={onOpenThread} tabIndex={tab}>
              {t('discussions.message.replies', { count: message.replyCount })}
            </Button>
            {message.lastReplyAt && (
              <Text size="xs" c="dimmed">
                {t('discussions.message.lastReply', { time: dates.when(message.lastReplyAt) })}
              </Text>
            )}
          </Group>
        )}
      </div>
      {!deleted && canPost && !editing && (
        <Group
          gap={2}
          className={classes.actions}
          role="group"
          aria-label={t('discussions.message.actions')}
        >
          {onOpenThread && (
            <Action label={t('discussions.message.reply')} onClick={onOpenThread} tabIndex={tab}>
              <ReplyIcon />
            </Action>
          )}
          <ReactionPicker onPick={onReact} tabIndex={tab} />
          {own && (
            <Action
              label={t('discussions.message.edit')}
              onClick={() => onEdit(true)}
              tabIndex={tab}
            >
              <EditIcon />
            </Action>
          )}
          {own && (
            <Action label={t('discussions.message.delete')} onClick={onDelete} tabIndex={tab}>
              <TrashIcon />
            </Action>
          )}
        </Group>
      )}
    </article>
  );
}

function Action({
  label,
  onClick,
  tabIndex,
  children,
}: {
  label: string;
  onClick: () => void;
  tabIndex: number;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label} openDelay={400} withinPortal>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={label}
        onClick={onClick}
        tabIndex={tabIndex}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
