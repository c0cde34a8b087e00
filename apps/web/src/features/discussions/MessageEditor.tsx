/** Editing one's own message in place: Enter saves, Escape cancels. */
import { Alert, Button, Group } from '@mantine/core';
import type { MessageDto } from '@iuc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ByteCounter, useBodySize } from './ByteCounter';
import { useSendErrorMessage } from './errors';
import { MentionTextarea } from './MentionTextarea';
import type { SendError } from '../../realtime/socket';
import { useMessageActions } from './useMessageActions';

export function MessageEditor({ message, onDone }: { message: MessageDto; onDone: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(message.body);
  const [error, setError] = useState<SendError | null>(null);
  const [saving, setSaving] = useState(false);
  const { edit } = useMessageActions();
  const errorText = useSendErrorMessage();
  const { bytes, over } = useBodySize(body);

  const save = async () => {
    if (body === message.body) return onDone();
    if (!body.trim() || over || saving) return;
    setSaving(true);
    const result = await edit(message.id, body);
    setSaving(false);
    if (result.ok) onDone();
    else setError(result);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error && (
        <Alert color="red" variant="light" role="alert" mb="xs">
          {errorText(error)}
        </Alert>
      )}
      <MentionTextarea
        channelId={message.channelId}
        value={body}
        onChange={setBody}
        onSubmit={() => void save()}
        onEscape={onDone}
        label={t('discussions.message.editLabel')}
        invalid={over}
        autoFocus
      />
      <Group justify="space-between" mt={4}>
        <ByteCounter bytes={bytes} />
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button size="xs" type="submit" loading={saving} disabled={!body.trim() || over}>
            {t('discussions.message.save')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
