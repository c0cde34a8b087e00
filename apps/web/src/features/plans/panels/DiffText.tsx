/**
 * A text diff as <del> and <ins>: struck through and underlined (not colour alone), each with a
 * hidden word for screen readers, which announce neither element. Long unchanged stretches are
 * shortened to their ends.
 */
import { VisuallyHidden } from '@mantine/core';
import type { DiffSegment } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import classes from './panels.module.css';

/** Unchanged text longer than this keeps only its first and last CONTEXT characters. */
const LONG = 320;
const CONTEXT = 120;

export function DiffText({ segments, label }: { segments: DiffSegment[]; label: string }) {
  const { t } = useTranslation();
  return (
    <div className={classes.diff} role="group" aria-label={label}>
      {segments.map((segment, i) => {
        if (segment.op === 'insert') {
          return (
            <ins key={i}>
              <VisuallyHidden>{t('plans.diff.addedStart')}</VisuallyHidden>
              {segment.text}
              <VisuallyHidden>{t('plans.diff.addedEnd')}</VisuallyHidden>
            </ins>
          );
        }
        if (segment.op === 'delete') {
          return (
            <del key={i}>
              <VisuallyHidden>{t('plans.diff.removedStart')}</VisuallyHidden>
              {segment.text}
              <VisuallyHidden>{t('plans.diff.removedEnd')}</VisuallyHidden>
            </del>
          );
        }
        return (
          <Unchanged key={i} text={segment.text} first={i === 0} last={i === segments.length - 1} />
        );
      })}
    </div>
  );
}

function Unchanged({ text, first, last }: { text: string; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  if (text.length <= LONG) return <span>{text}</span>;
  // The context that matters is next to the changes: keep the end before one, the start after one.
  const head = first ? '' : text.slice(0, CONTEXT);
  const tail = last ? '' : text.slice(-CONTEXT);
  return (
    <span>
      {head}
      <span className={classes.elided}> {t('plans.diff.elided')} </span>
      {tail}
    </span>
  );
}
