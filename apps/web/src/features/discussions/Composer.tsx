/** Writing a message in a channel or a thread reply: Enter sends, errors are announced. */
import { Alert, Button, CloseButton, Group, Text } from '@mantine/core';
import type { ChannelDto } from '@iuc/domain';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkIcon } from '../../ui/icons';
import { ByteCounter, MAX_BODY_BYTES, useBodySize } from './ByteCounter';
import { withReference, type DraftReference } from './draft';
import { useSendErrorMessage } from './errors';
import { MentionTextarea } from './MentionTextarea';
import type { SendError } from '../../realtime/socket';
import { useMessageActions } from './useMessageActions';
import { useTypingNotifier } from './useTyping';
import classes from './Discussions.module.css';

export function Composer({
  channel,
  parentId = null,
  label,
  autoFocus,
  textareaRef,
  reference: broughtReference,
}: {
  channel: ChannelDto;
  parentId?: string | null;
  label: string;
  autoFocus?: boolean;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** What the message is about (brought from elsewhere): shown above, sent as a link first. */
  reference?: DraftReference | null;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const inputRef = textareaRef ?? ownRef;
  const [body, setBody] = useState('');
  const [reference, setReference] = useState(broughtReference ?? null);
  // Brought here to write about something: the place to type is where the person starts.
  useEffect(() => {
    if (broughtReference) inputRef.current?.focus();
  }, [broughtReference, inputRef]);
  const [error, setError] = useState<SendError | null>(null);
  const [sending, setSending] = useState(false);
  const { send } = useMessageActions();
  const typing = useTypingNotifier(channel.id);
  const errorText = useSendErrorMessage();
  const message = withReference(reference, body);
  const { bytes, over } = useBodySize(message);
  const empty = !body.trim() && !reference;

  if (!channel.canPost) {
    return (
      <Text size="sm" c="dimmed" className={classes.composer}>
        {t(channel.archived ? 'discussions.composer.archived' : 'discussions.composer.readOnly')}
      </Text>
    );
  }

  const submit = async () => {
    if (empty || over || sending) return;
    setSending(true);
    const result = await send(channel.id, message, parentId);
    setSending(false);
    if (result.ok) {
      setBody('');
      setReference(null);
    }
    setError(result.ok ? null : result);
  };

  return (
    <form
      className={classes.composer}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {error && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          mb="xs"
          withCloseButton
          closeButtonLabel={t('app.close')}
          onClose={() => setError(null)}
        >
          {errorText(error)}
        </Alert>
      )}
      {over && (
        <Text size="sm" c="red.8" role="alert" mb={4}>
          {t('discussions.composer.tooLong', { max: `${MAX_BODY_BYTES / 1024} KB` })}
        </Text>
      )}
      {reference && (
        <Group gap={6} wrap="nowrap" mb={4} className={classes.composerReference}>
          <LinkIcon />
          <Text size="sm" truncate="end" title={reference.label} style={{ flex: 1, minWidth: 0 }}>
            {t('discussions.composer.about', { subject: reference.label })}
          </Text>
          <CloseButton
            size="sm"
            aria-label={t('discussions.composer.removeReference', { subject: reference.label })}
            onClick={() => {
              setReference(null);
              inputRef.current?.focus();
            }}
          />
        </Group>
      )}
      <MentionTextarea
        channelId={channel.id}
        value={body}
        onChange={(value) => {
          setBody(value);
          if (value.trim()) typing();
        }}
        onSubmit={() => void submit()}
        label={label}
        placeholder={t(
          parentId ? 'discussions.composer.replyPlaceholder' : 'discussions.composer.placeholder',
        )}
        describedBy={hintId}
        invalid={over}
        autoFocus={autoFocus}
        textareaRef={inputRef}
      />
      <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
        <Group gap="sm" wrap="wrap" id={hintId} style={{ minWidth: 0 }}>
          {!parentId && (
            <Text size="xs" c="dimmed" visibleFrom="sm">
              {t('discussions.composer.hint')}
            </Text>
          )}
          <ByteCounter bytes={bytes} />
        </Group>
        <Button
          type="submit"
          size="xs"
          loading={sending}
          disabled={empty || over}
          style={{ flexShrink: 0 }}
        >
          {t('discussions.composer.send')}
        </Button>
      </Group>
    </form>
  );
}
