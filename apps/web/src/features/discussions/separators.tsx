import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../i18n/useDates';
import classes from './Discussions.module.css';

/** The day the following messages were written (a heading, to jump between days). */
export function DaySeparator({ at }: { at: string }) {
  const dates = useDates();
  return (
    <div className={classes.day}>
      <Text component="h3" size="xs" fw={700} className={classes.dayLabel}>
        {dates.day(at)}
      </Text>
    </div>
  );
}

/** Where the messages not yet read begin. */
export function UnreadDivider() {
  const { t } = useTranslation();
  return (
    <div
      className={classes.unread}
      role="separator"
      aria-label={t('discussions.log.unreadDivider')}
    >
      <span aria-hidden="true">{t('discussions.log.unreadDivider')}</span>
    </div>
  );
}
