import { Module } from '@nestjs/common';
import { FileDownloadsService } from './downloads/file-downloads.service.js';
import { FilesController } from './downloads/files.controller.js';
import { FilesRepository } from './files.repository.js';
import { FilesService } from './files.service.js';
import { FileProcessingJob } from './processing/file-processing.job.js';
import { FileProcessor } from './processing/file-processor.js';
import { FILE_STORAGE } from './storage/file-storage.js';
import { FILE_STORAGE_PROVIDER } from './storage/storage.provider.js';
import { UploadSweeper } from './uploads/upload-sweeper.js';
import { UploadsController } from './uploads/uploads.controller.js';
import { UploadsRepository } from './uploads/uploads.repository.js';
import { UploadsService } from './uploads/uploads.service.js';

/**
 * Uploads (tus, at /api/uploads), the storage they end in (disk or S3) and the files other modules
 * attach to their subjects (`FilesService`), served at /api/files/:id to whoever may read the
 * subject.
 */
@Module({
  controllers: [UploadsController, FilesController],
  providers: [
    FILE_STORAGE_PROVIDER,
    UploadsRepository,
    UploadsService,
    UploadSweeper,
    FilesRepository,
    FilesService,
    FileDownloadsService,
    FileProcessor,
    FileProcessingJob,
  ],
  // FILE_STORAGE: for the extraction and preview job, which reads and writes bytes.
  exports: [FilesService, FILE_STORAGE],
})
export class FilesModule {}
