import { Global, Module } from '@nestjs/common';
import { SearchSources } from './search-sources.js';

/** The registry every owning module registers its search source with (global, like AccessModule). */
@Global()
@Module({ providers: [SearchSources], exports: [SearchSources] })
export class SearchSourcesModule {}
