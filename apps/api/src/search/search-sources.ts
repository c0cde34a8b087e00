import { Injectable } from '@nestjs/common';
import type { SearchSource } from './search-document.js';

/**
 * The registered feeds, by subject. An owning module registers its source as it starts
 * (`onModuleInit() { sources.register(this) }`); the search module imports no product module.
 */
@Injectable()
export class SearchSources {
  private readonly bySubject = new Map<string, SearchSource>();

  register(source: SearchSource): void {
    if (this.bySubject.has(source.subject)) {
      throw new Error(`A search source for '${source.subject}' is already registered.`);
    }
    this.bySubject.set(source.subject, source);
  }

  get(subject: string): SearchSource | undefined {
    return this.bySubject.get(subject);
  }

  all(): SearchSource[] {
    return [...this.bySubject.values()];
  }
}
