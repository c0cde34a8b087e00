/**
 * The files part of the form: a drop area with a real, focusable "Choose files" button, and one
 * row per file with its progress bar, pause/resume/cancel and, when the server refuses it, why.
 * Progress is announced at each quarter and on errors through one polite live region.
 */
import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { LIBRARY_LIMITS } from '@iuc/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import ui from '../../../ui/ui.module.css';
import { sizeLabel } from './uploadProgress';
import type { UploadRefusal } from './uploadError';
import type { UploadAnnouncement, UploadItem, useUploads } from './useUploads';

type Uploads = ReturnType<typeof useUploads>;

export function UploadField({ uploads, room }: { uploads: Uploads; room: number }) {
  const { t } = useTranslation();
  const openRef = useRef<() => void>(null);
  return (
    <Stack gap="sm">
      <Dropzone
        onDrop={(files) => uploads.add(files.slice(0, Math.max(0, room)))}
        openRef={openRef}
        activateOnClick={false}
        activateOnKeyboard={false}
        disabled={room <= 0}
        multiple
        aria-label={t('library.upload.drop')}
        // The input behind the drop area stays out of the way: "Choose files" below is the control.
        inputProps={{ 'aria-hidden': true, id: 'resource-files-input' }}
      >
        <Stack align="center" gap="xs" py="md" style={{ pointerEvents: 'none' }}>
          <Text fw={600}>{t('library.upload.drop')}</Text>
          <Text size="sm" c="dimmed">
            {t('library.upload.or')}
          </Text>
          <Button
            id="resource-files"
            style={{ pointerEvents: 'all' }}
            onClick={() => openRef.current?.()}
            disabled={room <= 0}
          >
            {t('library.upload.choose')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {room > 0
              ? t('library.upload.hint', { max: LIBRARY_LIMITS.filesPerItem })
              : t('library.upload.full', { max: LIBRARY_LIMITS.filesPerItem })}
          </Text>
        </Stack>
      </Dropzone>
      <Announcer announcement={uploads.announcement} />
      {uploads.items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          className={ui.plainList}
          aria-label={t('library.upload.listLabel')}
        >
          {uploads.items.map((item) => (
            <li key={item.key}>
              <UploadRow item={item} uploads={uploads} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function useRefusalWords(): (refusal: UploadRefusal) => string {
  const { t } = useTranslation();
  return (refusal) => {
    const base = t(`library.upload.refusal.${refusal.kind}`);
    if ((refusal.kind === 'type-refused' || refusal.kind === 'other') && refusal.message)
      return `${base} (${refusal.message})`;
    return base;
  };
}

function Announcer({ announcement }: { announcement: UploadAnnouncement | null }) {
  const { t } = useTranslation();
  const words = useRefusalWords();
  let text = '';
  if (announcement?.refusal)
    text = t('library.upload.announceFailed', {
      name: announcement.name,
      reason: words(announcement.refusal),
    });
  else if (announcement?.percent === 100)
    text = t('library.upload.announceDone', { name: announcement.name });
  else if (announcement)
    text = t('library.upload.announceProgress', {
      name: announcement.name,
      percent: announcement.percent,
    });
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" style={srOnly}>
      {text}
    </div>
  );
}

const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function UploadRow({ item, uploads }: { item: UploadItem; uploads: Uploads }) {
  const { t } = useTranslation();
  const { lng, number } = useFormat();
  const words = useRefusalWords();
  const labelId = `upload-${item.key}`;
  // Nothing is on its way any more: the button takes the file off the list.
  const finished = item.state === 'done' || item.state === 'failed';
  const stateWord =
    item.state === 'done'
      ? t('library.upload.done')
      : item.state === 'paused'
        ? t('library.upload.paused')
        : item.state === 'failed'
          ? t('library.upload.failed')
          : t('library.upload.uploading');
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} size="sm" id={labelId} style={{ overflowWrap: 'anywhere' }}>
              {item.name}
            </Text>
            <Text size="xs" c="dimmed">
              {stateWord} · {sizeLabel(item.sent, lng)} / {sizeLabel(item.size, lng)} ·{' '}
              {t('library.upload.percent', { percent: number(item.percent) })}
              {item.resumed && ` · ${t('library.upload.resumed')}`}
            </Text>
          </div>
          <Group gap={4} wrap="nowrap">
            {item.state === 'uploading' && (
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => uploads.pause(item.key)}
                aria-label={t('library.upload.pauseName', { name: item.name })}
              >
                {t('library.upload.pause')}
              </Button>
            )}
            {(item.state === 'paused' ||
              (item.state === 'failed' && item.refusal?.kind === 'network')) && (
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => uploads.resume(item.key)}
                aria-label={t('library.upload.resumeName', { name: item.name })}
              >
                {t('library.upload.resume')}
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="default"
              c="red.9"
              onClick={() => uploads.cancel(item.key)}
              aria-label={
                finished
                  ? t('library.upload.removeName', { name: item.name })
                  : t('library.upload.cancelName', { name: item.name })
              }
            >
              {finished ? t('library.upload.remove') : t('app.cancel')}
            </Button>
          </Group>
        </Group>
        <Progress
          value={item.percent}
          color={item.state === 'failed' ? 'red.8' : item.state === 'done' ? 'green.8' : 'euBlue'}
          // Mantine puts role="progressbar" with aria-valuenow on the bar and names it with this.
          aria-label={t('library.upload.progressOf', { name: item.name })}
          animated={item.state === 'uploading'}
          striped={item.state === 'uploading'}
        />
        {item.refusal && (
          <Text size="sm" c="red.9">
            {words(item.refusal)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
