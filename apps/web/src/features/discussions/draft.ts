/**
 * A message started elsewhere (a plan's "Discuss this section") and finished in a channel. It
 * travels in the navigation's state, not the URL: a reload or a shared link never re-inserts it.
 */
export interface DraftState {
  draft: string;
}

/** The draft carried by a navigation, if any. */
export function draftFrom(state: unknown): string | null {
  const draft = (state as Partial<DraftState> | null)?.draft;
  return typeof draft === 'string' && draft ? draft : null;
}

/** A pairing's discussions (they open on its general channel, where a draft lands). */
export const pairingDiscussionsPath = (pairingId: string) => `/pairings/${pairingId}/discussions`;
