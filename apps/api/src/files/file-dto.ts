import { filePresentation, type ResourceFileDto } from '@iuc/domain';
import type { StoredFile } from './stored-file.js';

/** A file on the wire (libs/domain ResourceFileDto). */
export function fileDto(f: StoredFile): ResourceFileDto {
  return {
    id: f.id,
    name: f.name,
    type: f.type,
    size: f.size,
    sha256: f.sha256,
    status: f.status,
    presentation: filePresentation(f.type),
    hasPreview: f.hasPreview,
    pages: f.pages,
    excerpt: f.excerpt,
    error: f.error,
  };
}
