/**
 * A message started elsewhere (a plan's "Discuss in the pairing's channel") and finished in a
 * channel: it brings a reference to what it is about, shown above the composer in words (no
 * Markdown to read) and sent as a Markdown link at the start of the message. It travels in the
 * navigation's state, not the URL: a reload or a shared link never brings it back.
 */
export interface DraftReference {
  /** What the link says, e.g. "Local Action Plan — Málaga · 3. Vision and objectives". */
  label: string;
  /** Where it leads, a path in this app. */
  path: string;
}

export interface DraftState {
  reference: DraftReference;
}

/** The reference carried by a navigation, if any (only a path in this app). */
export function referenceFrom(state: unknown): DraftReference | null {
  const reference = (state as Partial<DraftState> | null)?.reference;
  if (!reference || typeof reference.label !== 'string' || typeof reference.path !== 'string')
    return null;
  const { label, path } = reference;
  return label.trim() && path.startsWith('/') && !path.startsWith('//') ? { label, path } : null;
}

/** The message as sent: the reference as a Markdown link, then what the person wrote. */
export function withReference(reference: DraftReference | null, body: string): string {
  if (!reference) return body;
  // Brackets in the label would end the link's text early.
  const label = reference.label.replace(/[[\]]/g, '');
  return body.trim() ? `[${label}](${reference.path}) ${body}` : `[${label}](${reference.path})`;
}

/** A pairing's discussions (they open on its general channel, where a draft lands). */
export const pairingDiscussionsPath = (pairingId: string) => `/pairings/${pairingId}/discussions`;
