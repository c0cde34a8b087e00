/**
 * The header box's state shared by the box and the phone's search button: whether the box is
 * shown (phones fold it behind the button), and the `/` shortcut that brings focus to it.
 */
import { useCallback, useEffect, useState } from 'react';

export const HEADER_SEARCH_ID = 'header-search';
export const HEADER_SEARCH_INPUT_ID = 'header-search-input';

export interface HeaderSearch {
  /** Shown on phones (wider screens always show it). */
  open: boolean;
  setOpen: (open: boolean) => void;
  /** Shows the box and puts the caret in it. */
  focus: () => void;
}

/** Whether a key press is someone typing (in a field, a text area, the plan's editor…). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return (
    target.closest('[contenteditable]:not([contenteditable="false"]), [role="textbox"]') !== null
  );
}

/** `enabled`: whether the box is there at all (signed in): otherwise `/` is left alone. */
export function useHeaderSearch(enabled: boolean): HeaderSearch {
  const [open, setOpen] = useState(false);
  const focus = useCallback(() => {
    setOpen(true);
    // A frame later: on phones the box is only now being shown.
    requestAnimationFrame(() => document.getElementById(HEADER_SEARCH_INPUT_ID)?.focus());
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      e.preventDefault();
      focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, focus]);

  return { open, setOpen, focus };
}
