import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useThrottled, useTypingNames } from './useTyping';
import classes from './Discussions.module.css';

/** "Wang Li is typing…": shown at once, announced at most every few seconds. */
export function TypingIndicator({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const { list } = useFormat();
  const names = useTypingNames(channelId);
  const text =
    names.length === 0
      ? ''
      : names.length > 3
        ? t('discussions.typing.many')
        : t('discussions.typing.some', { names: list(names), count: names.length });
  const announced = useThrottled(text, 4_000);
  return (
    <div className={classes.typing}>
      <Text size="xs" c="dimmed" aria-hidden="true">
        {text}
      </Text>
      <VisuallyHidden role="status" aria-live="polite">
        {announced}
      </VisuallyHidden>
    </div>
  );
}
