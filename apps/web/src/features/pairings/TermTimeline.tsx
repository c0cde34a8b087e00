import { Text } from '@mantine/core';
import type { PairingSummaryDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { DAY, addMonths, termProgress } from './term';
import classes from './TermTimeline.module.css';
import { useNow } from '../../ui/useNow';

/**
 * The term (e.g. 18 months) as a bar with a tick per month and today's position. The bar is drawn
 * for the eye only; the sentence under it says the same for everyone.
 */
export function TermTimeline({ pairing }: { pairing: PairingSummaryDto }) {
  const { t } = useTranslation();
  const { date, monthYear, months } = useFormat();
  const now = useNow();
  const term = months(pairing.termMonths);
  if (!pairing.startDate) {
    return <Text>{t('pairing.term.noStart', { term })}</Text>;
  }
  const start = new Date(pairing.startDate);
  const end = pairing.endDate
    ? new Date(pairing.endDate)
    : addMonths(pairing.startDate, pairing.termMonths);
  const { fraction, phase, month } = termProgress(start, end, pairing.termMonths, now);
  const dates = { start: date(pairing.startDate), end: date(end.toISOString()), term };
  const summary =
    phase === 'upcoming'
      ? t('pairing.term.upcoming', {
          ...dates,
          count: Math.ceil((start.getTime() - now.getTime()) / DAY),
        })
      : phase === 'ended'
        ? t('pairing.term.ended', dates)
        : t('pairing.term.running', { ...dates, month, total: pairing.termMonths });
  const ticks = Array.from(
    { length: pairing.termMonths - 1 },
    (_, i) => (i + 1) / pairing.termMonths,
  );

  return (
    <div>
      <div className={classes.timeline} aria-hidden="true">
        <div className={classes.track}>
          <div className={classes.fill} style={{ width: `${fraction * 100}%` }} />
          {ticks.map((at, i) => (
            <span
              key={at}
              className={(i + 1) % 6 === 0 ? classes.majorTick : classes.tick}
              style={{ left: `${at * 100}%` }}
            />
          ))}
          {phase === 'running' && (
            <span className={classes.today} style={{ left: `${fraction * 100}%` }}>
              {/* Slides from left- to right-aligned along the bar, so it never sticks out at the ends. */}
              <span
                className={classes.todayLabel}
                style={{ transform: `translateX(${-fraction * 100}%)` }}
              >
                {t('pairing.term.today')}
              </span>
            </span>
          )}
        </div>
        <div className={classes.scale}>
          <span>{monthYear(start)}</span>
          {ticks.map((at, i) =>
            (i + 1) % 6 === 0 ? (
              <span key={at} className={classes.scaleMark} style={{ left: `${at * 100}%` }}>
                {t('pairing.term.monthMark', { month: i + 1 })}
              </span>
            ) : null,
          )}
          <span>{monthYear(end)}</span>
        </div>
      </div>
      <Text mt="md">{summary}</Text>
    </div>
  );
}
