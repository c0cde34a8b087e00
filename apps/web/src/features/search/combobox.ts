/**
 * The header box's listbox, driven from the text field (the ARIA combobox pattern): which option
 * is highlighted and what a key does. Pure, so its behaviour is tested without a browser.
 */

export interface ListState {
  open: boolean;
  /** The highlighted option's index, or null (Enter then searches for the text). */
  active: number | null;
}

export type ListEffect =
  /** Open the option at this index. */
  | { type: 'choose'; index: number }
  /** Go to the results page for the text. */
  | { type: 'submit' }
  /** Empty the field. */
  | { type: 'clear' };

export interface ListKeyResult {
  state: ListState;
  effect: ListEffect | null;
  /** Whether the key was used (the browser's own action is then prevented). */
  handled: boolean;
}

export const CLOSED: ListState = { open: false, active: null };

/** What `key` does with `count` options (0 while none have come). */
export function listKey(state: ListState, key: string, count: number): ListKeyResult {
  const move = (active: number | null): ListKeyResult => ({
    state: { open: true, active: count === 0 ? null : active },
    effect: null,
    handled: true,
  });
  switch (key) {
    case 'ArrowDown':
      if (!state.open || state.active === null) return move(0);
      return move((state.active + 1) % count);
    case 'ArrowUp':
      if (!state.open || state.active === null) return move(count - 1);
      return move((state.active - 1 + count) % count);
    case 'Home':
    case 'End':
      // Inside the text they move the caret; only a highlighted option makes them list keys.
      if (!state.open || state.active === null) return { state, effect: null, handled: false };
      return move(key === 'Home' ? 0 : count - 1);
    case 'Enter':
      return {
        state: CLOSED,
        effect:
          state.open && state.active !== null && state.active < count
            ? { type: 'choose', index: state.active }
            : { type: 'submit' },
        handled: true,
      };
    case 'Escape':
      if (state.open) return { state: CLOSED, effect: null, handled: true };
      return { state: CLOSED, effect: { type: 'clear' }, handled: true };
    default:
      return { state, effect: null, handled: false };
  }
}
