/** Where an upload's bytes live in storage (sharded by the id's first characters). */
export function storageKeyOf(uploadId: string): string {
  return `uploads/${uploadId.slice(0, 2)}/${uploadId}`;
}

/** Where a file's preview image lives (written by the preview job). */
export function previewKeyOf(fileId: string, extension: 'webp' | 'png'): string {
  return `previews/${fileId.slice(0, 2)}/${fileId}.${extension}`;
}
