/**
 * Where this browser's copy of the plan stands: connecting, connected, saving, saved, offline, or
 * closed by the server. Shown as a word (the dot only repeats it), and announced politely to screen
 * readers only when connectivity changes: saving and saved while typing are not announced.
 */
import { Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveTracker, SyncState } from './collab/saveTracker';
import { useSyncStatus } from './collab/useYjs';
import classes from './PlanPage.module.css';

const DOT: Record<SyncState, string> = {
  connecting: 'var(--mantine-color-gray-6)',
  connected: 'var(--mantine-color-green-8)',
  saving: 'var(--mantine-color-yellow-7)',
  saved: 'var(--mantine-color-green-8)',
  offline: 'var(--mantine-color-orange-8)',
  closed: 'var(--mantine-color-red-8)',
};

/** Why the server ended the connection for good (y-websocket does not reconnect after 44xx). */
function closedReason(code: number | null) {
  if (code === 4401) return 'plans.sync.closedSession' as const;
  if (code === 4400) return 'plans.sync.closedInvalid' as const;
  if (code === 4413) return 'plans.sync.closedTooLarge' as const;
  return 'plans.sync.closedAccess' as const;
}

/** Why the server asked this browser to reconnect (45xx): it does so by itself. */
function retryReason(code: number) {
  return code === 4500
    ? ('plans.sync.retryServerError' as const)
    : ('plans.sync.retryBusy' as const);
}

export function SyncStatus({ saves, canEdit }: { saves: SaveTracker; canEdit: boolean }) {
  const { t } = useTranslation();
  const { state, unsaved, closeCode, retryCode } = useSyncStatus(saves);
  const detail =
    state === 'offline'
      ? [
          retryCode !== null && t(retryReason(retryCode)),
          t(canEdit ? 'plans.sync.offlineDetail' : 'plans.sync.offlineReadDetail'),
        ]
          .filter(Boolean)
          .join(' ')
      : state === 'closed'
        ? t(closedReason(closeCode))
        : null;
  // One sentence per connectivity state: saving and saved share the connected one.
  const announcement =
    state === 'offline'
      ? `${t('plans.sync.offline')}. ${detail}`
      : state === 'closed'
        ? `${t('plans.sync.closed')}. ${detail}`
        : state === 'connecting'
          ? ''
          : t(canEdit ? 'plans.sync.liveEditing' : 'plans.sync.liveReading');
  return (
    <div>
      <Group gap={8} wrap="wrap" className={classes.sync}>
        <span className={classes.dot} style={{ background: DOT[state] }} aria-hidden="true" />
        <Text size="sm" fw={600} span data-sync-state={state}>
          {t(`plans.sync.${state}`)}
        </Text>
        {detail && (
          <Text size="sm" c="dimmed" span>
            {detail}
          </Text>
        )}
        {unsaved && state !== 'offline' && state !== 'saving' && (
          <Text size="sm" c="dimmed" span>
            {t('plans.sync.unsaved')}
          </Text>
        )}
      </Group>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </div>
  );
}
