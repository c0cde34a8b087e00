/**
 * The header box's state shared by the box and the phone's search button: whether the box is
 * shown (phones fold it behind the button), and the `/` shortcut that brings focus to it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface HeaderSearch {
  /** Shown on phones (wider screens always show it). */
  open: boolean;
  setOpen: (open: boolean) => void;
  inputRef: React.RefObject<HTMLInputElement | null>;
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
  const inputRef = useRef<HTMLInputElement>(null);
  const focus = useCallback(() => {
    setOpen(true);
    // A frame later: on phones the box is only now being shown.
    requestAnimationFrame(() => inputRef.current?.focus());
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

  return { open, setOpen, inputRef, focus };
}
