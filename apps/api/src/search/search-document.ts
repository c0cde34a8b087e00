import type { PairingSide, SearchKind } from '@iuc/domain';

/**
 * Who may find a document. The document's `authorId` always finds it. Otherwise: `everyone`
 * signed in; `staff` programme staff only; `pairing` members of any of `pairingIds` and staff;
 * `side` the people who work for `side` or `authorityId` in `pairingIds[0]`, and staff; `team`
 * the same people but not staff (staff hold no side: a library item kept to one city's team).
 * The owning module decides it from its own rule (a draft is `staff` + author, a city channel's
 * message is `side`), and says it again whenever the rule's inputs change.
 */
export type SearchAudience = 'everyone' | 'staff' | 'pairing' | 'side' | 'team';

/** One searchable thing as the index stores it: what an owning module hands the search module. */
export interface SearchDocument {
  kind: SearchKind;
  /** Unique within the kind (a plan section: `<planId>:<sectionKey>`). */
  id: string;
  /** Weighted highest. */
  title: string;
  /** Weighted second: a summary, a problem statement, a pairing's cities. */
  summary: string;
  /** Everything else: fields, a file's extracted text (pages separated by '\f'), a message. */
  body: string;
  /** The language of the text ('es', 'zh'); null when unknown (indexed without stemming). */
  language: string | null;
  audience: SearchAudience;
  pairingIds: string[];
  side: PairingSide | null;
  authorityId: string | null;
  authorId: string | null;
  themes: string[];
  sdgs: number[];
  /** ISO 3166-1 alpha-2 of the city it belongs to. */
  country: string | null;
  /** When it was written or last changed. */
  date: Date;
  /** The web path that opens it where it is. */
  url: string;
  /** Where it lives, for the result's second line (a channel, a plan, a pairing). */
  context: string | null;
}

/**
 * A module's feed into the index. The module that owns a kind of subject (a library item, a plan,
 * a message, a pairing, a city, a person) implements it and registers it with `SearchSources` at
 * start; the search module asks it for the documents of the subjects its events name, and for
 * every subject when reindexing. It never reads another module's tables.
 */
export interface SearchSource {
  /** The subject's name, as the search module's event feeds use it: 'resource', 'plan', 'message'… */
  readonly subject: string;
  /**
   * Every document each subject yields now, by subject id. A subject that is gone, deleted or
   * yields nothing maps to [] (or is missing): its documents leave the index.
   */
  documentsOf(subjectIds: readonly string[]): Promise<Map<string, SearchDocument[]>>;
  /**
   * Subject ids in a stable order after `after` (null: from the start), for a full reindex; with
   * `changedSince`, at least those created, changed or deleted since then (the catch-up at start
   * after a crash). A source without change times may answer every subject.
   */
  subjectIds(after: string | null, limit: number, changedSince?: Date): Promise<string[]>;
}
