import { Metadata } from '@tus/server';

/** What a tus creation request (POST) declares, read before tus sees it. */
export type Creation =
  | { ok: true; length: number; filename: string; filetype: string }
  | { ok: false; problem: 'deferred-length' | 'bad-length' | 'metadata' };

export function readCreation(headers: Record<string, string | string[] | undefined>): Creation {
  if (headers['upload-defer-length'] !== undefined)
    return { ok: false, problem: 'deferred-length' };
  const length = headers['upload-length'];
  if (typeof length !== 'string' || !/^\d{1,16}$/.test(length))
    return { ok: false, problem: 'bad-length' };
  const raw = headers['upload-metadata'];
  let metadata: Record<string, string | null> = {};
  try {
    if (typeof raw === 'string') metadata = Metadata.parse(raw);
  } catch {
    return { ok: false, problem: 'metadata' };
  }
  const { filename, filetype } = metadata;
  if (!filename || !filetype) return { ok: false, problem: 'metadata' };
  return { ok: true, length: Number(length), filename, filetype };
}
