import type { FileStatus } from '@iuc/domain';

/** What another module attaches files to, e.g. `{ kind: 'resource', id }`. */
export interface FileSubject {
  kind: string;
  id: string;
}

/** A file as other modules see it (no storage keys, no extracted text). */
export interface StoredFile {
  id: string;
  subjectKind: string;
  subjectId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  status: FileStatus;
  pages: number | null;
  excerpt: string | null;
  error: string | null;
  hasPreview: boolean;
  createdAt: Date;
  detachedAt: Date | null;
}

/** What the extraction and preview job found (FilesService.recordProcessed). */
export interface ProcessingResult {
  status: Exclude<FileStatus, 'processing'>;
  text: string | null;
  excerpt: string | null;
  pages: number | null;
  previewKey: string | null;
  error: string | null;
}

/** Where a file's bytes are, for the job and for downloads. */
export interface FileLocation {
  id: string;
  storageKey: string;
  type: string;
  name: string;
  size: number;
  sha256: string;
  previewKey: string | null;
  subjectKind: string;
  subjectId: string;
}
