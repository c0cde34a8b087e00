import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SearchIndexRepository } from './search-index.repository.js';
import { SearchIndexer } from './search-indexer.js';
import { SearchSources } from './search-sources.js';

const PAGE = 500;
/**
 * How far before the index's last write the catch-up at start looks: a change committed while
 * the index lagged this much behind, and lost in a crash before its indexing, is found again.
 */
const CATCH_UP_MARGIN_MS = 10 * 60_000;

export interface ReindexReport {
  subject: string;
  subjects: number;
  documents: number;
  removed: number;
  ms: number;
}

/**
 * Rebuilds the index from the sources: the `search:reindex` command, and at start for any source
 * whose subjects the index holds none of (a new installation, a new kind of document).
 */
@Injectable()
export class SearchReindexer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Search');

  constructor(
    private readonly sources: SearchSources,
    private readonly indexer: SearchIndexer,
    @Inject(SearchIndexRepository) private readonly index: SearchIndexRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The start's work (fill, then catch up): done, or failed and logged. */
  started: Promise<void> = Promise.resolve();

  onApplicationBootstrap(): void {
    if (!this.config.searchFillAtStart) return;
    this.started = (async () => {
      const lastWrite = await this.index.lastWrite();
      await this.fillMissing();
      if (lastWrite) await this.catchUp(new Date(lastWrite.getTime() - CATCH_UP_MARGIN_MS));
    })().catch((err: Error) =>
      this.logger.error(`building the search index failed: ${err.message}`),
    );
  }

  /** A stop waits for the start's work: it must not query a database that is closing. */
  async onModuleDestroy(): Promise<void> {
    await this.started;
  }

  /**
   * Indexes again what changed since `since`: events are delivered after commit, so a crash
   * between the two leaves a change unindexed; the next start finds it by its change time.
   */
  async catchUp(since: Date): Promise<number> {
    let subjects = 0;
    for (const source of this.sources.all()) {
      for (let after: string | null = null; ;) {
        const ids = await source.subjectIds(after, PAGE, since);
        if (ids.length === 0) break;
        await this.indexer.index(source.subject, ids);
        subjects += ids.length;
        after = ids[ids.length - 1];
      }
    }
    if (subjects)
      this.logger.log(`caught up with ${subjects} subject(s) changed since ${since.toISOString()}`);
    return subjects;
  }

  /** Reindexes the sources the index has nothing of, in the background of a start. */
  async fillMissing(): Promise<void> {
    let filled = false;
    for (const source of this.sources.all()) {
      if (await this.index.holdsAny(source.subject)) continue;
      const [first] = await source.subjectIds(null, 1);
      if (first === undefined) continue;
      const report = await this.reindex(source.subject);
      filled = true;
      this.logger.log(
        `indexed ${report.documents} document(s) of ${report.subjects} ${report.subject}(s) in ${report.ms} ms`,
      );
    }
    if (filled) await this.index.tidy();
  }

  /** Tidies the index after a bulk write (see SearchIndexRepository.tidy). */
  tidy(): Promise<void> {
    return this.index.tidy();
  }

  /** Every subject of every source (or of one), then what no subject yields any more leaves. */
  async reindexAll(onProgress?: (report: ReindexReport) => void): Promise<ReindexReport[]> {
    const reports: ReindexReport[] = [];
    for (const source of this.sources.all()) {
      const report = await this.reindex(source.subject);
      onProgress?.(report);
      reports.push(report);
    }
    return reports;
  }

  async reindex(subject: string): Promise<ReindexReport> {
    const source = this.sources.get(subject);
    if (!source) throw new Error(`No search source for '${subject}'.`);
    const started = performance.now();
    const since = await this.index.now();
    let subjects = 0;
    let documents = 0;
    for (let after: string | null = null; ;) {
      const ids = await source.subjectIds(after, PAGE);
      if (ids.length === 0) break;
      documents += await this.indexer.index(subject, ids);
      subjects += ids.length;
      after = ids[ids.length - 1];
    }
    const removed = await this.index.removeNotIndexedSince(subject, since);
    return { subject, subjects, documents, removed, ms: Math.round(performance.now() - started) };
  }
}
