/**
 * Who has the plan open now, from the awareness states. The server stamps each connection's
 * `user: { id, name, canEdit }`, so names and modes come from it, not from what a client claims.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { userColor } from './userColor';

export interface Present {
  key: string;
  name: string;
  canEdit: boolean;
  color: string;
  self: boolean;
}

interface StampedUser {
  id?: unknown;
  name?: unknown;
  canEdit?: unknown;
}

export interface Me {
  id: string;
  name: string;
  canEdit: boolean;
}

/** One entry per person (two tabs of one person count once); me first, then by name. */
export function presentPeople(
  states: Map<number, Record<string, unknown>>,
  ownClientId: number,
  me: Me,
): Present[] {
  const people = new Map<string, Present>();
  people.set(me.id, {
    key: me.id,
    name: me.name,
    canEdit: me.canEdit,
    color: userColor(me.id),
    self: true,
  });
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const user = (state?.user ?? null) as StampedUser | null;
    if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') continue;
    if (people.has(user.id)) continue;
    people.set(user.id, {
      key: user.id,
      name: user.name,
      canEdit: user.canEdit === true,
      color: userColor(user.id),
      self: false,
    });
  }
  const [self, ...others] = people.values();
  return [self, ...others.sort((a, b) => a.name.localeCompare(b.name))];
}

function presenceStore(awareness: Awareness, me: Me) {
  const read = () => presentPeople(awareness.getStates(), awareness.clientID, me);
  let snapshot = read();
  return {
    subscribe(onChange: () => void) {
      const handler = () => {
        snapshot = read();
        onChange();
      };
      awareness.on('change', handler);
      return () => awareness.off('change', handler);
    },
    get: () => snapshot,
  };
}

export function usePresence(awareness: Awareness, { id, name, canEdit }: Me): Present[] {
  const store = useMemo(
    () => presenceStore(awareness, { id, name, canEdit }),
    [awareness, id, name, canEdit],
  );
  return useSyncExternalStore(store.subscribe, store.get);
}
