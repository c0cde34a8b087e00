/** The way from a pairing's page into its discussions, with the unread total. */
import { Badge, Button, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChannels } from './api';
import { pairingDiscussionsPath } from './draft';

export function PairingChannelsLink({ pairingId }: { pairingId: string }) {
  const { t } = useTranslation();
  const channels = useChannels(pairingId);
  // Not a member (the API refuses): nothing to open.
  if (!channels.data) return null;
  const unread = channels.data.reduce((sum, c) => sum + c.unread, 0);
  return (
    <Button
      component={Link}
      to={pairingDiscussionsPath(pairingId)}
      variant="light"
      rightSection={
        unread > 0 && (
          <Badge size="sm" variant="filled" aria-hidden="true">
            {unread}
          </Badge>
        )
      }
    >
      {t('discussions.open')}
      {unread > 0 && (
        <VisuallyHidden>, {t('discussions.channels.unread', { count: unread })}</VisuallyHidden>
      )}
    </Button>
  );
}
