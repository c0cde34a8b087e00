/**
 * A virtualised message log (role="log"): stays at the newest message while one is there, keeps
 * the reading position when older pages are put above, loads them when scrolled near the top, and
 * is keyboard navigable: the list takes focus, Up/Down/Home/End move between messages, Enter,
 * E and Delete act on the focused one (through `onKey`).
 */
import { Button, Loader, Text, VisuallyHidden } from '@mantine/core';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { MessageDto } from '@iuc/domain';
import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Row } from './rows';
import { DaySeparator, UnreadDivider } from './separators';
import classes from './Discussions.module.css';

const TOP = 40; // the space above the rows for "loading older" / "start of the channel"
const NEAR = 48; // px from the bottom that still counts as "at the newest message"

export type MessageKey = 'open' | 'edit' | 'delete';

export interface MessageListHandle {
  /** Scrolls a row into view (and focuses it when it is a message and `focus` is set). */
  scrollTo(key: string, options?: { focus?: boolean; align?: 'start' | 'center' }): void;
  scrollToEnd(): void;
}

export interface MessageListProps {
  ref?: Ref<MessageListHandle>;
  label: string;
  rows: Row[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder?: () => void;
  /** Shown above the first message once the whole history is held. */
  start?: ReactNode;
  empty: ReactNode;
  renderMessage: (message: MessageDto, active: boolean) => ReactNode;
  onKey: (key: MessageKey, message: MessageDto) => void;
  /** Whether the newest row is in view (mark-read, live announcements). */
  onAtEndChange?: (atEnd: boolean) => void;
  /** A row that may be above the view (the unread divider): a button jumps to it. */
  jump?: { key: string; label: string; load?: () => Promise<boolean> } | null;
}

export function MessageList({
  ref,
  label,
  rows,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  start,
  empty,
  renderMessage,
  onKey,
  onAtEndChange,
  jump,
}: MessageListProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [atEnd, setAtEnd] = useState(true);
  const [firstVisible, setFirstVisible] = useState(0);
  const sticky = useRef(true);
  const pendingFocus = useRef<string | null>(null);
  const anchor = useRef<{ key: string; start: number } | null>(null);

  const indexOf = useCallback(
    (key: string | null) => (key ? rows.findIndex((r) => r.key === key) : -1),
    [rows],
  );
  const activeIndex = indexOf(activeKey);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'message' ? 72 : 40),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 6,
    paddingStart: TOP,
    paddingEnd: 8,
    // The focused message stays in the DOM even when scrolled away, so focus is never lost.
    rangeExtractor: (range) => {
      const list = defaultRangeExtractor(range);
      if (activeIndex >= 0 && !list.includes(activeIndex))
        return [...list, activeIndex].sort((a, b) => a - b);
      return list;
    },
    onChange: (v) => setFirstVisible(v.range?.startIndex ?? 0),
  });
  const total = virtualizer.getTotalSize();

  // Older rows put above: move the scroll position by their height, so the view does not jump.
  // The anchor is the first message (a day separator may stay first when its day grows).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const previous = anchor.current;
    const k = rows.findIndex((r) => r.kind === 'message');
    anchor.current =
      k >= 0 ? { key: rows[k].key, start: virtualizer.measurementsCache[k]?.start ?? 0 } : null;
    if (!el || !previous || previous.key === anchor.current?.key) return;
    const now = rows.findIndex((r) => r.key === previous.key);
    if (now > 0) el.scrollTop += virtualizer.measurementsCache[now].start - previous.start;
  }, [rows, virtualizer]);

  // At the newest message, stay there as messages arrive and rows get measured.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && sticky.current) el.scrollTop = el.scrollHeight;
  }, [total, rows.length]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const end = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR;
    sticky.current = end;
    if (end !== atEnd) {
      setAtEnd(end);
      onAtEndChange?.(end);
    }
    if (el.scrollTop < 300 && hasOlder && !loadingOlder) onLoadOlder?.();
  };

  // A short history does not fill the view, so no scroll event would ever ask for more.
  useEffect(() => {
    const el = scrollRef.current;
    if (el && hasOlder && !loadingOlder && el.scrollHeight <= el.clientHeight + 300)
      onLoadOlder?.();
  }, [rows.length, hasOlder, loadingOlder, onLoadOlder]);

  // Focus follows the active message once it is rendered (it may have to be scrolled into being).
  const frame = useRef(0);
  const focusRow = useCallback((key: string) => {
    pendingFocus.current = key;
    setActiveKey(key);
    let tries = 0;
    const attempt = () => {
      if (pendingFocus.current !== key) return;
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(key)}"]`);
      if (el) {
        pendingFocus.current = null;
        el.focus({ preventScroll: true });
      } else if (tries++ < 20) frame.current = requestAnimationFrame(attempt);
    };
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(attempt);
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // Rows as of the last render, for scrolls asked for by callbacks created before it.
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  });
  const scrollTo = useCallback(
    (key: string, options: { focus?: boolean; align?: 'start' | 'center' } = {}) => {
      const align = options.align ?? 'center';
      let frames = 0;
      // Rows get measured (and older pages put above) while we scroll: look again for a few
      // frames and correct by where the row really is on screen.
      const settle = () => {
        const log = scrollRef.current;
        const index = rowsRef.current.findIndex((r) => r.key === key);
        if (!log || frames++ > 30) return;
        if (index < 0) return void requestAnimationFrame(settle); // appears after the next render
        const row = log.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
        if (!row) {
          virtualizer.scrollToIndex(index, { align });
        } else {
          const box = log.getBoundingClientRect();
          const at = row.getBoundingClientRect();
          const wanted = align === 'start' ? box.top : box.top + (box.height - at.height) / 2;
          if (Math.abs(at.top - wanted) > 2) log.scrollTop += at.top - wanted;
        }
        if (frames < 12) requestAnimationFrame(settle);
      };
      sticky.current = false;
      settle();
      if (options.focus) focusRow(key);
    },
    [virtualizer, focusRow],
  );
  const scrollToEnd = useCallback(() => {
    sticky.current = true;
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);
  useImperativeHandle(ref, () => ({ scrollTo, scrollToEnd }), [scrollTo, scrollToEnd]);

  const messageIndexes = rows.flatMap((r, i) => (r.kind === 'message' ? [i] : []));
  const move = (to: number) => {
    const index = messageIndexes[Math.max(0, Math.min(messageIndexes.length - 1, to))];
    if (index === undefined) return;
    const key = rows[index].key;
    sticky.current = false;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    focusRow(key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // Keys typed in an editor or on a button inside a message are theirs.
    if (target !== scrollRef.current && !target.hasAttribute('data-row')) return;
    const position = messageIndexes.indexOf(activeIndex);
    const row = rows[activeIndex];
    const message = target.hasAttribute('data-row') && row?.kind === 'message' ? row.message : null;
    const handled = (() => {
      switch (event.key) {
        case 'ArrowUp':
          move(position < 0 ? messageIndexes.length - 1 : position - 1);
          return true;
        case 'ArrowDown':
          if (position >= 0) move(position + 1);
          else move(messageIndexes.length - 1);
          return true;
        case 'Home':
          move(0);
          return true;
        case 'End':
          move(messageIndexes.length - 1);
          return true;
        case 'Enter':
          if (message) onKey('open', message);
          return !!message;
        case 'e':
        case 'E':
          if (message && !event.ctrlKey && !event.metaKey && !event.altKey) onKey('edit', message);
          return !!message;
        case 'Delete':
        case 'Backspace':
          if (message) onKey('delete', message);
          return !!message;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  // Focus on a message (click, Tab back into it) makes it the active one.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    const key = row?.getAttribute('data-row');
    if (key && key !== activeKey) setActiveKey(key);
  };

  const jumpIndex = jump ? indexOf(jump.key) : -1;
  const showJump = !!jump && (jumpIndex < 0 ? !!jump.load : jumpIndex < firstVisible);
  const onJump = async () => {
    if (!jump) return;
    if (jumpIndex < 0 && !(await jump.load?.())) return;
    scrollTo(jump.key, { align: 'start' });
  };

  return (
    <div className={classes.logWrap}>
      {showJump && (
        <Button size="xs" radius="xl" className={classes.jump} onClick={() => void onJump()}>
          {jump.label}
        </Button>
      )}
      <div
        ref={scrollRef}
        role="log"
        // New messages are announced while one is at the newest; browsing history (where the
        // virtualiser adds rows as one scrolls) announces nothing.
        aria-live={atEnd ? 'polite' : 'off'}
        aria-relevant="additions"
        aria-label={label}
        aria-describedby={hintId}
        aria-busy={loadingOlder}
        tabIndex={0}
        className={classes.log}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <VisuallyHidden id={hintId}>{t('discussions.log.keyboardHint')}</VisuallyHidden>
        <div style={{ height: total, position: 'relative' }}>
          <div className={classes.logTop}>
            {loadingOlder ? (
              <Loader size="xs" aria-label={t('discussions.log.loadingOlder')} />
            ) : (
              !hasOlder && rows.length > 0 && start
            )}
          </div>
          {rows.length === 0 && <div className={classes.empty}>{empty}</div>}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={item.key}
                data-index={item.index}
                data-key={item.key}
                ref={virtualizer.measureElement}
                className={classes.row}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.kind === 'day' ? (
                  <DaySeparator at={row.at} />
                ) : row.kind === 'unread' ? (
                  <UnreadDivider />
                ) : (
                  renderMessage(row.message, row.key === activeKey)
                )}
              </div>
            );
          })}
        </div>
      </div>
      {!atEnd && rows.length > 0 && (
        <Button
          size="xs"
          radius="xl"
          variant="default"
          className={classes.latest}
          onClick={scrollToEnd}
        >
          {t('discussions.log.jumpToLatest')}
        </Button>
      )}
    </div>
  );
}

/** Empty state text inside the log. */
export function LogNote({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" ta="center">
      {children}
    </Text>
  );
}
