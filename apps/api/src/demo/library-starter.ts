/**
 * Fills the demo library once (DEMO_LIBRARY): each item is made the way a person makes it — its
 * files go in as finished uploads, the item is created by its author through the library's
 * service, and the officer publishes (and features) the programme-wide ones through the review —
 * so the files are read, previewed and the notifications written like any other. An item whose
 * title its author already has is left alone: edits and deletions in the demo stay.
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { UserEntity } from '../auth/users/user.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthorityEntity } from '../directory/authority.entity.js';
import { FilesService } from '../files/files.service.js';
import { ResourceEntity } from '../library/items/resource.entity.js';
import { ResourceReviewService } from '../library/review/resource-review.service.js';
import { ResourcesService } from '../library/items/resources.service.js';
import { PairingsService } from '../pairings/pairings.service.js';
import { DEMO_LIBRARY, type DemoFile, type DemoLibraryItem } from './library-starter-items.js';
import { DEMO_EMAIL_DOMAIN } from './seed/demo-accounts.js';
import { sampleDocx, samplePdf, samplePng } from './sample-files.js';

const OFFICER = 'officer';

@Injectable()
export class LibraryStarter implements OnApplicationBootstrap {
  private readonly log = new Logger('DemoLibrary');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
    private readonly resources: ResourcesService,
    private readonly reviews: ResourceReviewService,
    private readonly pairings: PairingsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    try {
      await this.write(DEMO_LIBRARY);
    } catch (err) {
      // The demo still starts: a library without its samples beats no platform.
      this.log.error(`The demo library could not be written: ${(err as Error).stack ?? err}`);
    }
  }

  async write(items: readonly DemoLibraryItem[]): Promise<void> {
    const pairings = await this.pairings.idsBySlug(items.flatMap((i) => i.pairing ?? []));
    const officer = await this.actor(OFFICER);
    let written = 0;
    for (const item of items) {
      const author = await this.actor(item.author);
      if (!author || (await this.exists(author.userId, item.title))) continue;
      const cityId = await this.authorityId(item.city);
      const pairingId = item.pairing ? (pairings.get(item.pairing) ?? null) : null;
      const uploadIds = await this.upload(author.userId, item.files, item.language);
      const created = await this.resources.create(author, {
        kind: item.kind,
        title: item.title,
        language: item.language,
        themes: item.themes,
        sdgs: item.sdgs,
        agendas: item.agendas,
        cityId,
        scope: { level: item.level, pairingId, authorityId: item.level === 'side' ? cityId : null },
        uploadIds,
        ...item.fields,
      });
      if (item.review === 'published' && officer) {
        await this.reviews.review(officer, created.id, { action: 'publish' });
        if (item.featured) await this.reviews.feature(officer, created.id, { featured: true });
      }
      written++;
    }
    if (written) this.log.log(`Wrote ${written} demo library items.`);
  }

  /** The items' files as finished uploads of their author. */
  private async upload(userId: string, files: DemoFile[], language: string): Promise<string[]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'iuc-demo-files-'));
    try {
      const ids: string[] = [];
      for (const [i, file] of files.entries()) {
        const local = path.join(dir, String(i));
        await writeFile(local, await bytesOf(file, language));
        ids.push(await this.files.ingest(userId, local, file.name));
      }
      return ids;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A demo account acting as itself (no session: the services decide by the person). */
  private async actor(localPart: string): Promise<Actor | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ email: `${localPart}@${DEMO_EMAIL_DOMAIN}` });
    if (!user) return null;
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      programmeRole: user.programmeRole,
      sessionTokenHash: 'demo-seed',
      via: 'bearer',
    };
  }

  private async authorityId(slug: string): Promise<string | null> {
    const authority = await this.dataSource.getRepository(AuthorityEntity).findOneBy({ slug });
    return authority?.id ?? null;
  }

  /** Whether the author has an item of this title (in the trash too: a deletion is an edit). */
  private exists(authorId: string, title: string): Promise<boolean> {
    return this.dataSource.getRepository(ResourceEntity).existsBy({ authorId, title });
  }
}

function bytesOf(file: DemoFile, language: string): Promise<Buffer> {
  if (file.kind === 'pdf') return samplePdf(file.pages, { heading: file.title, language });
  if (file.kind === 'docx')
    return sampleDocx(file.paragraphs.slice(1), { title: file.paragraphs[0] });
  return samplePng({ width: 1200, height: 800, label: file.label, colour: file.colour });
}
