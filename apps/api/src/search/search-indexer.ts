import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SEARCH_PROVIDER, type SearchProvider } from './search-provider.js';
import { SearchSources } from './search-sources.js';

/** Subjects asked of a source at once. */
const BATCH = 200;
/** A failed batch is tried again once after this long; a reindex repairs what still fails. */
const RETRY_MS = 1_000;

/**
 * Brings the index up to date with subjects that changed. Requests that arrive while a batch is
 * being written join the next one, so a burst of messages costs a few statements, not one each;
 * an idle server indexes a change at once.
 */
@Injectable()
export class SearchIndexer implements OnModuleDestroy {
  private readonly logger = new Logger('Search');
  private pending = new Map<string, Set<string>>();
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly sources: SearchSources,
    @Inject(SEARCH_PROVIDER) private readonly provider: SearchProvider,
  ) {}

  /** Queues the subjects for indexing; resolves once they (and everything queued before) are done. */
  refresh(subject: string, ids: readonly string[]): Promise<void> {
    if (this.closed || ids.length === 0) return this.running ?? Promise.resolve();
    let set = this.pending.get(subject);
    if (!set) this.pending.set(subject, (set = new Set()));
    for (const id of ids) set.add(id);
    this.running ??= this.drain().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves when nothing is queued or being written. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.settled();
  }

  private async drain(): Promise<void> {
    // Lets the requests of the same tick (a batch of messages) join the first write.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      const work = this.pending;
      this.pending = new Map();
      for (const [subject, ids] of work) await this.indexWithRetry(subject, [...ids]);
    }
  }

  private async indexWithRetry(subject: string, ids: string[]): Promise<void> {
    for (let from = 0; from < ids.length; from += BATCH) {
      const batch = ids.slice(from, from + BATCH);
      try {
        await this.index(subject, batch);
      } catch (first) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        try {
          await this.index(subject, batch);
        } catch (err) {
          this.logger.error(
            `indexing ${batch.length} ${subject}(s) failed: ${(err as Error).message} (first try: ${(first as Error).message}); search:reindex repairs it`,
          );
        }
      }
    }
  }

  /** Asks the subject's source for its documents now and makes the index hold exactly those. */
  async index(subject: string, ids: readonly string[]): Promise<number> {
    const source = this.sources.get(subject);
    if (!source) throw new Error(`No search source for '${subject}'.`);
    const found = await source.documentsOf(ids);
    const documents = new Map(ids.map((id) => [id, found.get(id) ?? []]));
    await this.provider.index(subject, documents);
    return [...documents.values()].reduce((sum, d) => sum + d.length, 0);
  }
}
