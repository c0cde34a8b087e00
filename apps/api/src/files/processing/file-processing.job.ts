/**
 * The background job that reads a stored file: copies its bytes next to the processor, runs it
 * (text, page count, preview; FileProcessor, in a child process), keeps the preview in storage and
 * records the outcome on the file, then tells whoever cares (`file.processed`: search indexes the
 * text). Queued by FilesService.attach in the attaching transaction; files still `processing` at
 * start-up (a crash mid-job) are queued again, once each (the key is the file's id).
 */
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventBus } from '../../events/event-bus.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { FilesRepository } from '../files.repository.js';
import { FilesService } from '../files.service.js';
import { FileProcessor } from './file-processor.js';
import { excerptOf } from './excerpt.js';
import { FILE_PROCESS_JOB, queueProcessing, type FileProcessData } from './processing-queue.js';

/** Each file takes a core while it is read: one at a time per instance. */
const CONCURRENCY = 1;

@Injectable()
export class FileProcessingJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('FileProcessing');

  constructor(
    private readonly jobs: JobQueue,
    private readonly files: FilesService,
    private readonly repository: FilesRepository,
    private readonly processor: FileProcessor,
    private readonly events: EventBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<FileProcessData>(FILE_PROCESS_JOB, (job) => this.run(job.fileId), {
      concurrency: CONCURRENCY,
    });
    await queueProcessing(this.jobs, await this.repository.unprocessedIds());
  }

  async run(fileId: string): Promise<void> {
    const dir = await mkdtemp(path.join(tmpdir(), 'iuc-file-'));
    try {
      const local = path.join(dir, 'file');
      const file = await this.files.copyToLocal(fileId, local);
      if (!file) return; // detached or purged meanwhile: nothing to read
      const result = await this.processor.process(local, file.type, file.name);
      let previewKey: string | null = null;
      if (result.preview) {
        const previewPath = path.join(dir, 'preview.webp');
        await writeFile(previewPath, result.preview);
        previewKey = await this.files.storePreview(fileId, previewPath, 'webp');
      }
      const status = result.error ? 'failed' : 'ready';
      const stored = await this.files.recordProcessed(fileId, {
        status,
        text: result.text,
        excerpt: result.text ? excerptOf(result.text) : null,
        pages: result.pages,
        previewKey,
        error: result.error,
      });
      if (result.error) this.logger.warn(`${file.name} (${fileId}): ${result.error}`);
      if (stored)
        await this.events.publish('file.processed', {
          fileId,
          subjectKind: stored.subjectKind,
          subjectId: stored.subjectId,
          status,
        });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
