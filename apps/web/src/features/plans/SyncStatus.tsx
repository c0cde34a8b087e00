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

export function SyncStatus({ saves, canEdit }: { saves: SaveTracker; canEdit: boolean }) {
  const { t } = useTranslation();
  const { state, unsaved, closeCode } = useSyncStatus(saves);
  const detail =
    state === 'offline'
      ? t(canEdit ? 'plans.sync.offlineDetail' : 'plans.sync.offlineReadDetail')
      : state === 'closed'
        ? t(closeCode === 4401 ? 'plans.sync.closedSession' : 'plans.sync.closedAccess')
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
