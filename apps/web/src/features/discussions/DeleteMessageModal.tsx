/** Asks before deleting one's own message; the others then see "deleted". */
import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSendErrorMessage } from './errors';
import type { SendError } from '../../realtime/socket';
import { useMessageActions } from './useMessageActions';

export function DeleteMessageModal({
  messageId,
  onClose,
}: {
  messageId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { remove } = useMessageActions();
  const errorText = useSendErrorMessage();
  const [error, setError] = useState<SendError | null>(null);
  const [deleting, setDeleting] = useState(false);

  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!messageId) return;
    setDeleting(true);
    const result = await remove(messageId);
    setDeleting(false);
    if (result.ok) close();
    else setError(result);
  };

  return (
    <Modal
      opened={messageId !== null}
      onClose={close}
      title={t('discussions.delete.title')}
      centered
    >
      <Text size="sm">{t('discussions.delete.body')}</Text>
      {error && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorText(error)}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={close}>
          {t('app.cancel')}
        </Button>
        <Button color="red" loading={deleting} onClick={() => void confirm()} data-autofocus>
          {t('discussions.delete.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
