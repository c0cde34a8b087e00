import { Text } from '@mantine/core';
import { DISCUSSION_DEFAULTS } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { byteLength } from './mentions';

export const MAX_BODY_BYTES = DISCUSSION_DEFAULTS.maxBodyBytes;

/**
 * The counter shows from three quarters of the limit on: below that it is noise under every
 * message (and in what a screen reader reads out with the composer's hint).
 */
export const COUNTER_FROM_BYTES = Math.floor(MAX_BODY_BYTES * 0.75);

export function useBodySize(body: string) {
  const bytes = byteLength(body);
  return { bytes, over: bytes > MAX_BODY_BYTES };
}

/** How much of the 8 KB a message may take is used (kilobytes through Intl), near the limit. */
export function ByteCounter({ bytes, id }: { bytes: number; id?: string }) {
  const { t, i18n } = useTranslation();
  if (bytes < COUNTER_FROM_BYTES) return null;
  const kb = new Intl.NumberFormat(i18n.resolvedLanguage, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 1,
  });
  const over = bytes > MAX_BODY_BYTES;
  return (
    <Text id={id} size="xs" c={over ? 'red.8' : 'dimmed'} fw={over ? 700 : undefined}>
      {t('discussions.composer.size', {
        used: kb.format(Math.ceil(bytes / 102.4) / 10),
        max: kb.format(MAX_BODY_BYTES / 1024),
      })}
    </Text>
  );
}
