/**
 * Which clocks of each client a document has accepted, so that no accepted update can say
 * something else about them. Yjs trusts that an id names one content forever: a struct that
 * starts inside clocks the document already has is integrated from the first new clock on,
 * linked after the document's struct at the clock before and under the parent the update names.
 * A forged one (another content, another parent, for clocks already there) is linked across two
 * lists, or throws when the struct before it was garbage-collected (`Cannot read properties of
 * undefined (reading 'origin')`), on the server and on every client it is relayed to. No check of
 * the update alone can tell: the same bytes are sound for a document without those clocks. So
 * what the document already has is cut off before the update is stored or relayed (Yjs would
 * skip it anyway when it is genuine); what is left starts where the document ends, and Yjs then
 * takes its place and parent from the document's own struct before it. Counted, like Yjs'
 * state, only as far as each client's clocks run without a gap (clocks after a gap may still
 * arrive; cutting against them would lose the gap's filler).
 */
import * as Y from 'yjs';
import { ProtocolError } from './protocol.js';

export class AcceptedClocks {
  private constructor(private readonly ends: Map<number, number>) {}

  /** From the state vector of a built document (or none) and updates (V1; unreadable ones are skipped). */
  static of(stateVector: Map<number, number>, updates: Iterable<Uint8Array>): AcceptedClocks {
    const clocks = new AcceptedClocks(new Map(stateVector));
    for (const update of updates) clocks.note(update);
    return clocks;
  }

  /**
   * `update` without the clocks already accepted (the same bytes when it has none of them), now
   * accepted itself. Throws ProtocolError when it cannot be cut.
   */
  admit(update: Uint8Array): Uint8Array {
    let meta: ReturnType<typeof Y.parseUpdateMeta>;
    try {
      meta = Y.parseUpdateMeta(update);
      const overlaps = [...meta.from].some(
        ([client, clock]) => clock < (this.ends.get(client) ?? 0),
      );
      if (overlaps) update = Y.diffUpdate(update, Y.encodeStateVector(this.ends));
    } catch {
      throw new ProtocolError('undecodable update');
    }
    this.noteEnds(meta);
    return update;
  }

  /** Accepts `update` as it is (made durable elsewhere). */
  note(update: Uint8Array): void {
    try {
      this.noteEnds(Y.parseUpdateMeta(update));
    } catch {
      // Unreadable: no document applies it.
    }
  }

  private noteEnds({ from, to }: ReturnType<typeof Y.parseUpdateMeta>): void {
    for (const [client, end] of to) {
      const known = this.ends.get(client) ?? 0;
      if ((from.get(client) ?? 0) <= known && end > known) this.ends.set(client, end);
    }
  }
}
