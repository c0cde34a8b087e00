/**
 * A multi-line message field with `@` mention autocomplete: an ARIA combobox (the textarea) with a
 * listbox of the channel's members; arrows choose, Enter or Tab inserts, Escape closes the list.
 * Without the list open, Enter submits and Shift+Enter starts a new line (never while an IME is
 * composing, which is how Japanese and Chinese are typed).
 */
import { Text } from '@mantine/core';
import type { MentionCandidateDto } from '@iuc/domain';
import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useMentionCandidates } from './api';
import { insertMention, mentionQuery } from './mentions';
import classes from './Discussions.module.css';

export interface MentionTextareaProps {
  channelId: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  onEscape?: () => void;
  label: string;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
}

export function MentionTextarea({
  channelId,
  value,
  onChange,
  onSubmit,
  onEscape,
  label,
  placeholder,
  describedBy,
  invalid,
  autoFocus,
  textareaRef,
}: MentionTextareaProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-mentions`;
  const own = useRef<HTMLTextAreaElement | null>(null);
  const inner = textareaRef ?? own;
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // Escape closes the list for the @word it was open for.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const mention = mentionQuery(value, caret);
  const wanted = mention && mention.start !== dismissedAt ? mention : null;
  const candidates = useMentionCandidates(channelId, wanted ? wanted.query : null);
  const options: MentionCandidateDto[] = wanted ? (candidates.data ?? []) : [];
  const open = options.length > 0;
  const current = open ? Math.min(active, options.length - 1) : -1;
  const optionId = (i: number) => `${id}-option-${i}`;

  const choose = (candidate: MentionCandidateDto) => {
    if (!wanted) return;
    const next = insertMention(value, wanted, caret, candidate.handle);
    onChange(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => inner.current?.setSelectionRange(next.caret, next.caret));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (open) {
      const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
      if (event.key in moves) {
        event.preventDefault();
        setActive((current + moves[event.key] + options.length) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        choose(options[current]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(wanted?.start ?? null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      onSubmit();
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    }
  };

  const track = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);

  return (
    <div className={classes.mentionWrap}>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('discussions.mentions.label')}
          className={classes.mentionList}
        >
          {options.map((c, i) => (
            <li
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={classes.mentionOption}
              // Keep focus in the textarea: the click chooses, the textarea keeps the caret.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(c)}
            >
              <Text span size="sm" fw={600}>
                {c.name}
              </Text>{' '}
              <Text span size="xs" c="dimmed">
                @{c.handle}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <textarea
        ref={inner}
        className={classes.textarea}
        value={value}
        rows={1}
        aria-label={label}
        placeholder={placeholder}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(current) : undefined}
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
          setActive(0);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setDismissedAt(wanted?.start ?? null)}
        onFocus={() => setDismissedAt(null)}
      />
    </div>
  );
}
