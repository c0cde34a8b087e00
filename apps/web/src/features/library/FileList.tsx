/**
 * An item's files, each shown the way it can be: images as thumbnails that open larger, a PDF's
 * first page with its page count, audio and video playable here (the file address answers Range,
 * so seeking works), office files as their preview image or an icon with the first paragraphs of
 * their text. A file whose preview failed says why and stays downloadable.
 */
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import type { ResourceFileDto } from '@iuc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import ui from '../../ui/ui.module.css';
import { sizeLabel } from './upload/uploadProgress';
import { fileUrl, previewUrl } from './useLibrary';
import classes from './Library.module.css';

export function FileList({ files }: { files: ResourceFileDto[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="resource-files">
      <Title order={2} size="h3" id="resource-files" mb="sm">
        {t('library.item.files')}
      </Title>
      {files.length === 0 ? (
        <Text c="dimmed">{t('library.item.noFiles')}</Text>
      ) : (
        <Stack component="ul" gap="md" className={ui.plainList}>
          {files.map((file) => (
            <li key={file.id}>
              <FileEntry file={file} />
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

function FileEntry({ file }: { file: ResourceFileDto }) {
  const { t } = useTranslation();
  const { lng, number } = useFormat();
  const headingId = `file-${file.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Text>
            <Text size="sm" c="dimmed">
              {[
                t(`library.presentation.${file.presentation}`),
                sizeLabel(file.size, lng),
                file.pages
                  ? t('library.file.pages', { count: file.pages, n: number(file.pages) })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          <Button
            component="a"
            href={fileUrl(file.id)}
            download={file.name}
            variant="default"
            size="sm"
            aria-label={t('library.file.downloadName', { name: file.name })}
          >
            {t('library.file.download')}
          </Button>
        </Group>
        <FileBody file={file} />
      </Stack>
    </Paper>
  );
}

function FileBody({ file }: { file: ResourceFileDto }) {
  const { t } = useTranslation();
  if (file.presentation === 'audio')
    return (
      <audio controls preload="metadata" src={fileUrl(file.id)} className={classes.media}>
        <track kind="captions" />
      </audio>
    );
  if (file.presentation === 'video')
    return (
      <video
        controls
        preload="metadata"
        src={fileUrl(file.id)}
        className={classes.media}
        poster={file.hasPreview ? previewUrl(file.id) : undefined}
      >
        <track kind="captions" />
      </video>
    );
  return (
    <>
      {file.status === 'processing' && (
        <Badge variant="light" color="gray" tt="none" role="status">
          {t('library.file.processing')}
        </Badge>
      )}
      {file.status === 'failed' && (
        <Alert color="orange" variant="light" p="xs">
          {file.error
            ? t('library.file.failed', { error: file.error })
            : t('library.file.failedNoReason')}
        </Alert>
      )}
      {(file.hasPreview || file.presentation === 'image') && <PreviewImage file={file} />}
      {!file.hasPreview && file.excerpt && (
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {t('library.file.excerpt')}
          </Text>
          <div className={classes.excerpt} lang="">
            {file.excerpt}
          </div>
        </div>
      )}
    </>
  );
}

/**
 * The preview as a thumbnail (an image before its preview is made: the image itself); a click (or
 * Enter) opens it larger in a dialog.
 */
function PreviewImage({ file }: { file: ResourceFileDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const alt = t('library.file.preview', { name: file.name });
  // An image is its own best preview at full size; others show their preview image.
  const large = file.presentation === 'image' ? fileUrl(file.id) : previewUrl(file.id);
  return (
    <>
      <button
        type="button"
        className={classes.previewButton}
        onClick={() => setOpen(true)}
        aria-label={t('library.file.enlarge', { name: file.name })}
      >
        <img src={file.hasPreview ? previewUrl(file.id) : large} alt={alt} loading="lazy" />
      </button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={file.name}
        size="auto"
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <img
          src={large}
          alt={alt}
          style={{ maxWidth: '100%', maxHeight: '80vh', display: 'block' }}
        />
      </Modal>
    </>
  );
}
