/** "Move to the trash?" — with the 30 days it can be restored in. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { RESOURCE_TRASH_DAYS } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { SubmitError } from '../../ui/Status';

interface Props {
  opened: boolean;
  title: string;
  busy: boolean;
  error: { error: unknown; submittedAt: number };
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDelete({ opened, title, busy, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={t('library.item.deleteTitle')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack gap="md">
        <Text>{t('library.item.deleteBody', { title, days: RESOURCE_TRASH_DAYS })}</Text>
        <SubmitError mutation={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('app.cancel')}
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={busy}>
            {t('library.item.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
