/** Writing a message in a channel or a thread reply: Enter sends, errors are announced. */
import { Alert, Button, Group, Text } from '@mantine/core';
import type { ChannelDto } from '@iuc/domain';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ByteCounter, MAX_BODY_BYTES, useBodySize } from './ByteCounter';
import { useSendErrorMessage } from './errors';
import { MentionTextarea } from './MentionTextarea';
import type { SendError } from './socket';
import { useMessageActions } from './useMessageActions';
import { useTypingNotifier } from './useTyping';
import classes from './Discussions.module.css';

export function Composer({
  channel,
  parentId = null,
  label,
  autoFocus,
  textareaRef,
  draft,
}: {
  channel: ChannelDto;
  parentId?: string | null;
  label: string;
  autoFocus?: boolean;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** Text to start from (brought from elsewhere): focused, with the caret after it. */
  draft?: string | null;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const inputRef = textareaRef ?? ownRef;
  const [body, setBody] = useState(draft ?? '');
  useEffect(() => {
    const input = inputRef.current;
    if (!draft || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [draft, inputRef]);
  const [error, setError] = useState<SendError | null>(null);
  const [sending, setSending] = useState(false);
  const { send } = useMessageActions();
  const typing = useTypingNotifier(channel.id);
  const errorText = useSendErrorMessage();
  const { bytes, over } = useBodySize(body);

  if (!channel.canPost) {
    return (
      <Text size="sm" c="dimmed" className={classes.composer}>
        {t(channel.archived ? 'discussions.composer.archived' : 'discussions.composer.readOnly')}
      </Text>
    );
  }

  const submit = async () => {
    if (!body.trim() || over || sending) return;
    setSending(true);
    const result = await send(channel.id, body, parentId);
    setSending(false);
    if (result.ok) setBody('');
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
          disabled={!body.trim() || over}
          style={{ flexShrink: 0 }}
        >
          {t('discussions.composer.send')}
        </Button>
      </Group>
    </form>
  );
}
