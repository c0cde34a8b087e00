import { describe, expect, it } from '@jest/globals';
import { CLOSED, listKey, type ListState } from './combobox';

/** Presses keys in turn over a list of `count` options; the state and effects after each. */
function press(keys: string[], count: number, from: ListState = { open: true, active: null }) {
  let state = from;
  const effects = [];
  for (const key of keys) {
    const result = listKey(state, key, count);
    state = result.state;
    effects.push(result.effect);
  }
  return { state, effects };
}

describe('the header box listbox keys', () => {
  it('ArrowDown highlights the first option, then the next, wrapping after the last', () => {
    expect(press(['ArrowDown'], 3).state).toEqual({ open: true, active: 0 });
    expect(press(['ArrowDown', 'ArrowDown'], 3).state.active).toBe(1);
    expect(press(['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown'], 3).state.active).toBe(0);
  });

  it('ArrowUp from nothing highlights the last option ("See all results"), then moves up', () => {
    expect(press(['ArrowUp'], 3).state.active).toBe(2);
    expect(press(['ArrowUp', 'ArrowUp'], 3).state.active).toBe(1);
    expect(press(['ArrowDown', 'ArrowUp'], 3).state.active).toBe(2);
  });

  it('ArrowDown opens a closed list', () => {
    expect(press(['ArrowDown'], 3, CLOSED).state).toEqual({ open: true, active: 0 });
  });

  it('Enter opens the highlighted option', () => {
    const { state, effects } = press(['ArrowDown', 'ArrowDown', 'Enter'], 4);
    expect(effects.at(-1)).toEqual({ type: 'choose', index: 1 });
    expect(state).toEqual(CLOSED);
  });

  it('Enter with nothing highlighted goes to the results page', () => {
    expect(press(['Enter'], 4).effects).toEqual([{ type: 'submit' }]);
    expect(press(['Enter'], 4, CLOSED).effects).toEqual([{ type: 'submit' }]);
  });

  it('Enter on a closed list searches, even if an option was highlighted before it closed', () => {
    expect(press(['Enter'], 4, { open: false, active: 2 }).effects).toEqual([{ type: 'submit' }]);
  });

  it('Escape closes the list first, and empties the field when pressed again', () => {
    const { state, effects } = press(['ArrowDown', 'Escape', 'Escape'], 3);
    expect(effects).toEqual([null, null, { type: 'clear' }]);
    expect(state).toEqual(CLOSED);
  });

  it('with no options yet, the arrows highlight nothing and Enter searches', () => {
    expect(press(['ArrowDown'], 0).state).toEqual({ open: true, active: null });
    expect(press(['ArrowDown', 'Enter'], 0).effects.at(-1)).toEqual({ type: 'submit' });
  });

  it('Home and End move the caret in the text unless an option is highlighted', () => {
    expect(listKey({ open: true, active: null }, 'Home', 3).handled).toBe(false);
    expect(press(['ArrowDown', 'ArrowDown', 'Home'], 3).state.active).toBe(0);
    expect(press(['ArrowDown', 'End'], 3).state.active).toBe(2);
  });

  it('other keys are left to the field', () => {
    expect(listKey({ open: true, active: 1 }, 'a', 3)).toEqual({
      state: { open: true, active: 1 },
      effect: null,
      handled: false,
    });
  });
});
