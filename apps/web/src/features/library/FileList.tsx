/**
 * An item's files, each shown the way it can be: images as thumbnails that open larger, a PDF's
 * first page with its page count, audio and video playable here (the file address answers Range,
 * so seeking works), office files as their preview image or an icon with the first paragraphs of
 * their text. A file whose preview failed says why and stays downloadable.
 */
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import type { ResourceFileDto } from '@iuc/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import ui from '../../ui/ui.module.css';
import { sizeLabel } from './upload/uploadProgress';
import { fileUrl, previewUrl } from './useLibrary';
import classes from './Library.module.css';

/** `language`: the item's, which its files' text is most likely in. */
export function FileList({ files, language }: { files: ResourceFileDto[]; language: string }) {
  const { t } = useTranslation();
  const linked = useLinkedFile();
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
              <FileEntry
                file={file}
                language={language}
                linkedPage={linked?.fileId === file.id ? linked.page : undefined}
              />
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** The file a link names (`?file=<id>`, from a search result), and the PDF page it matched on. */
function useLinkedFile(): { fileId: string; page: number | null } | null {
  const [params] = useSearchParams();
  const fileId = params.get('file');
  const page = Number(params.get('page'));
  return fileId ? { fileId, page: Number.isInteger(page) && page > 0 ? page : null } : null;
}

function FileEntry({
  file,
  language,
  linkedPage,
}: {
  file: ResourceFileDto;
  language: string;
  /** Set when a link names this file: null without a page, else the page to open the PDF at. */
  linkedPage?: number | null;
}) {
  const { t } = useTranslation();
  const { lng, number } = useFormat();
  const headingId = `file-${file.id}`;
  const linked = linkedPage !== undefined;
  const ref = useRef<HTMLElement>(null);
  // A linked file is scrolled to and takes focus (after the page's heading has taken it).
  useEffect(() => {
    if (!linked) return;
    const frame = requestAnimationFrame(() => {
      ref.current?.scrollIntoView({ block: 'center' });
      ref.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [linked]);
  const pdfPage = linkedPage && file.presentation === 'pdf' ? linkedPage : null;
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={headingId}
      ref={ref}
      tabIndex={linked ? -1 : undefined}
      data-linked={linked || undefined}
      className={classes.fileEntry}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
            <Text component="span" c="euBlue.7" style={{ flex: 'none' }}>
              <FileIcon presentation={file.presentation} />
            </Text>
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
          </Group>
          <Group gap="xs">
            {pdfPage && (
              <Button
                component="a"
                href={`${fileUrl(file.id)}#page=${pdfPage}`}
                target="_blank"
                rel="noopener"
                variant="light"
                size="sm"
                aria-label={t('library.file.openAtPageName', { name: file.name, page: pdfPage })}
              >
                {t('library.file.openAtPage', { page: pdfPage })}
              </Button>
            )}
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
        </Group>
        <FileBody file={file} language={language} />
      </Stack>
    </Paper>
  );
}

function FileBody({ file, language }: { file: ResourceFileDto; language: string }) {
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
          <div className={classes.excerpt} lang={language}>
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

const FILE_PATHS: Record<ResourceFileDto['presentation'], string> = {
  image: 'M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5M15 9h.01',
  pdf: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h6M9 17h6',
  office: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12l1.5 5L12 13l1.5 4L15 12',
  audio: 'M9 18V6l10-2v12M9 18a3 3 0 1 1-3-3 3 3 0 0 1 3 3zM19 16a3 3 0 1 1-3-3 3 3 0 0 1 3 3z',
  video: 'M4 6h12v12H4zM16 10l5-3v10l-5-3',
  text: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 15h7M9 18h4',
  other: 'M6 3h9l4 4v14H6zM14 3v5h5',
};

/** A file's kind as a picture (decorative: the kind is written under its name). */
function FileIcon({ presentation }: { presentation: ResourceFileDto['presentation'] }) {
  return (
    <svg
      width={28}
      height={28}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={FILE_PATHS[presentation]} />
    </svg>
  );
}
