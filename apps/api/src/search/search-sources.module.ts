import { Global, Module } from '@nestjs/common';
import { SearchSources } from './search-sources.js';

/**
 * The registry of search sources, global so that every owning module can register its source
 * without importing the search module (which would make the search module a dependency of all).
 */
@Global()
@Module({ providers: [SearchSources], exports: [SearchSources] })
export class SearchSourcesModule {}
