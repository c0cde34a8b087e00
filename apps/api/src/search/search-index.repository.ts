import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { cjkIndexText, SEARCH_CONFIGS, searchConfigOf } from '@iuc/domain';
import type { SearchDocument } from './search-document.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './highlight-marks.js';

/**
 * How much of a body is stored and indexed: a tsvector holds at most 1 MB, and `ts_headline`
 * reads the whole text it is given. A longer extracted file is searchable by its beginning.
 */
export const BODY_MAX_CHARS = 200_000;

/** The characters the highlighter uses as marks, removed from stored text so none can be forged. */
const MARKS = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}\\u0000]`, 'g');

function clean(text: string, max: number): string {
  return (text.length > max ? text.slice(0, max) : text).replace(MARKS, ' ');
}

/** A document as the statement's JSON rows: text cleaned and bounded, CJK bigrams built here. */
function toRow(subject: string, subjectId: string, d: SearchDocument) {
  const title = clean(d.title, 1_000);
  const summary = clean(d.summary, 10_000);
  const body = clean(d.body, BODY_MAX_CHARS);
  return {
    kind: d.kind,
    id: d.id,
    subject,
    subject_id: subjectId,
    title,
    summary,
    body,
    language: d.language,
    config: searchConfigOf(d.language),
    audience: d.audience,
    pairing_ids: d.pairingIds,
    side: d.side,
    authority_id: d.authorityId,
    author_id: d.authorId,
    themes: d.themes,
    sdgs: d.sdgs,
    country: d.country,
    occurred_at: d.date.toISOString(),
    url: d.url,
    context: d.context,
    cjk_title: cjkIndexText(title),
    cjk_summary: cjkIndexText(summary),
    cjk_rest: cjkIndexText(`${summary}\n${body}`),
  };
}

/** The title and summary's words in one configuration, weighted A and B: what ranks. */
function headIn(config: string): string {
  return `(setweight(to_tsvector(${config}, d.title), 'A')
    || setweight(to_tsvector(${config}, d.summary), 'B'))`;
}

/** A document's word vector in one configuration: title, summary and body weighted A, B, C. */
function wordsIn(config: string): string {
  return `(${headIn(config)} || setweight(to_tsvector(${config}, d.body), 'C'))`;
}

/**
 * Text of no known language (a message, a name) is indexed in every language's configuration at
 * once, so that "desarrollo" finds a message saying "desarrollos" whatever language it is in.
 */
const UNKNOWN_LANGUAGE_WORDS = SEARCH_CONFIGS.map((c) => wordsIn(`'${c}'::regconfig`)).join(' || ');
const UNKNOWN_LANGUAGE_HEAD = SEARCH_CONFIGS.map((c) => headIn(`'${c}'::regconfig`)).join(' || ');

/** The index's writes: the search module is the only writer of `search_documents`. */
@Injectable()
export class SearchIndexRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Makes the index hold exactly `documents` for each subject: what a subject no longer yields
   * leaves, the rest is written afresh. One transaction, so a search never sees a subject half-done.
   */
  async replace(subject: string, documents: Map<string, SearchDocument[]>): Promise<number> {
    const subjectIds = [...documents.keys()];
    if (subjectIds.length === 0) return 0;
    const rows = subjectIds.flatMap((id) => documents.get(id)!.map((d) => toRow(subject, id, d)));
    return this.dataSource.transaction(async (tx) => {
      await tx.query(
        'DELETE FROM search_documents WHERE subject = $1 AND subject_id = ANY($2::text[])',
        [subject, subjectIds],
      );
      if (rows.length === 0) return 0;
      await tx.query(
        `INSERT INTO search_documents (kind, id, subject, subject_id, title, summary, body, language, config,
                audience, pairing_ids, side, authority_id, author_id, themes, sdgs, country, occurred_at,
                url, context, words, cjk, head)
         SELECT d.kind, d.id, d.subject, d.subject_id, d.title, d.summary, d.body, d.language, d.config::regconfig,
                d.audience, d.pairing_ids, d.side, d.authority_id, d.author_id, d.themes, d.sdgs, d.country,
                d.occurred_at, d.url, d.context,
                CASE WHEN d.language IS NULL THEN ${UNKNOWN_LANGUAGE_WORDS} ELSE ${wordsIn('d.config::regconfig')} END,
                setweight(to_tsvector('simple', d.cjk_title), 'A') || setweight(to_tsvector('simple', d.cjk_rest), 'C'),
                CASE WHEN d.language IS NULL THEN ${UNKNOWN_LANGUAGE_HEAD} ELSE ${headIn('d.config::regconfig')} END
                  || setweight(to_tsvector('simple', d.cjk_title), 'A') || setweight(to_tsvector('simple', d.cjk_summary), 'B')
           FROM jsonb_to_recordset($1::jsonb) AS d(kind text, id text, subject text, subject_id text, title text,
                summary text, body text, language text, config text, audience text, pairing_ids uuid[], side text,
                authority_id uuid, author_id uuid, themes text[], sdgs smallint[], country text,
                occurred_at timestamptz, url text, context text, cjk_title text, cjk_summary text, cjk_rest text)
         ON CONFLICT (kind, id) DO UPDATE SET subject = EXCLUDED.subject, subject_id = EXCLUDED.subject_id,
                title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body,
                language = EXCLUDED.language, config = EXCLUDED.config, audience = EXCLUDED.audience,
                pairing_ids = EXCLUDED.pairing_ids, side = EXCLUDED.side, authority_id = EXCLUDED.authority_id,
                author_id = EXCLUDED.author_id, themes = EXCLUDED.themes, sdgs = EXCLUDED.sdgs,
                country = EXCLUDED.country, occurred_at = EXCLUDED.occurred_at, url = EXCLUDED.url,
                context = EXCLUDED.context, words = EXCLUDED.words, cjk = EXCLUDED.cjk, head = EXCLUDED.head,
                indexed_at = now()`,
        [JSON.stringify(rows)],
      );
      return rows.length;
    });
  }

  /** The database's clock: a full reindex removes what it did not rewrite since then. */
  async now(): Promise<Date> {
    const rows = await this.dataSource.query<{ now: Date }[]>('SELECT now() AS now');
    return rows[0].now;
  }

  /** Removes the subject's documents not written since `since` (their subjects are gone). */
  async removeNotIndexedSince(subject: string, since: Date): Promise<number> {
    const result = await this.dataSource.query(
      'DELETE FROM search_documents WHERE subject = $1 AND indexed_at < $2',
      [subject, since],
    );
    return (result as [unknown, number])[1] ?? 0;
  }

  /**
   * After a bulk write: refreshes the planner's statistics and merges the GIN indexes' pending
   * entries (searches read those linearly until merged). Measured on 200,000 documents: a common
   * word's page took 80 ms right after a reindex and 26 ms after this (which takes ~6 s).
   */
  async tidy(): Promise<void> {
    await this.dataSource.query('VACUUM (ANALYZE) search_documents');
  }

  /** When the index was last written (null: it is empty). */
  async lastWrite(): Promise<Date | null> {
    const rows = await this.dataSource.query<{ at: Date | null }[]>(
      'SELECT max(indexed_at) AS at FROM search_documents',
    );
    return rows[0].at;
  }

  /** Whether the index holds any document of the subject. */
  async holdsAny(subject: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM search_documents WHERE subject = $1 LIMIT 1',
      [subject],
    );
    return rows.length > 0;
  }
}
