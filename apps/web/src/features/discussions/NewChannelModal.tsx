/** Creating a topic channel (coordinators and programme staff). */
import { Button, Group, Modal, TextInput } from '@mantine/core';
import { DISCUSSION_DEFAULTS } from '@iuc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SubmitError } from '../../ui/Status';
import { useCreateChannel } from './api';
import { useDiscussions } from './context';

export function NewChannelModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { pairing } = useDiscussions();
  const navigate = useNavigate();
  const create = useCreateChannel(pairing.id);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = touched && !name.trim();

  const close = () => {
    setName('');
    setTouched(false);
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('discussions.channels.newTopicTitle')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!name.trim()) return;
          create.mutate(
            { name: name.trim() },
            {
              onSuccess: (channel) => {
                close();
                void navigate(`/pairings/${pairing.id}/discussions/${channel.id}`);
              },
            },
          );
        }}
      >
        <TextInput
          label={t('discussions.channels.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={DISCUSSION_DEFAULTS.maxChannelNameLength}
          error={missing ? t('discussions.channels.nameRequired') : undefined}
          required
          data-autofocus
        />
        <SubmitError mutation={create} />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('discussions.channels.create')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
