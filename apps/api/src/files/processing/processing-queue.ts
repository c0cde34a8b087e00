import type { Queryable } from '../../database/queryable.js';
import type { JobQueue } from '../../jobs/job-queue.js';

/** The job that reads a stored file (FileProcessingJob). */
export const FILE_PROCESS_JOB = 'file.process';

export interface FileProcessData {
  fileId: string;
}

/** Queues the files to be read, once each; inside `within`, they are queued when it commits. */
export async function queueProcessing(
  jobs: JobQueue,
  fileIds: readonly string[],
  within?: Queryable,
): Promise<void> {
  for (const fileId of fileIds)
    await jobs.send<FileProcessData>(
      FILE_PROCESS_JOB,
      { fileId },
      { singletonKey: fileId, within },
    );
}
