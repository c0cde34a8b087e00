import { Module } from '@nestjs/common';
import { PostgresSearchProvider } from './postgres-search.provider.js';
import { SearchIndexRepository } from './search-index.repository.js';
import { SearchIndexer } from './search-indexer.js';
import { SearchPacer } from './search-pacer.js';
import { SearchFeeds } from './search-feeds.js';
import { SEARCH_PROVIDER } from './search-provider.js';
import { SearchReindexer } from './search-reindexer.js';
import { SearchRepository } from './search.repository.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/**
 * Search across the platform: one index (`search_documents`) fed by the owning modules' sources
 * (registered with the global SearchSources) on their events, read through a provider.
 */
@Module({
  controllers: [SearchController],
  providers: [
    SearchIndexRepository,
    SearchRepository,
    { provide: SEARCH_PROVIDER, useClass: PostgresSearchProvider },
    SearchIndexer,
    SearchFeeds,
    SearchReindexer,
    SearchPacer,
    SearchService,
  ],
  exports: [SearchReindexer, SearchIndexer],
})
export class SearchModule {}
