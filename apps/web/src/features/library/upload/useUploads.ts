/**
 * Files on their way to the server through tus: one resumable upload per file, sent in chunks,
 * retried by itself when the connection drops, and resumed after a reload (the upload's address is
 * kept in localStorage under the file's fingerprint, so choosing the same file again continues it).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload, defaultOptions } from 'tus-js-client';
import { writeHeaders } from '../../../api/api';
import { announcedStep, percentOf, uploadIdFromUrl } from './uploadProgress';
import { uploadRefusal, type UploadRefusal } from './uploadError';

export const UPLOAD_ENDPOINT = '/api/uploads';
export const CHUNK_SIZE = 5 * 1024 * 1024;
/** Waits between retries of a failed chunk: over two minutes in all, enough for Wi‑Fi to come back. */
export const RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000];

export type UploadState = 'uploading' | 'paused' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  sent: number;
  percent: number;
  state: UploadState;
  /** Set once finished: what `uploadIds` takes. */
  uploadId: string | null;
  refusal: UploadRefusal | null;
  /** Continued from an earlier visit's unfinished upload. */
  resumed: boolean;
}

export interface UploadAnnouncement {
  name: string;
  percent?: number;
  refusal?: UploadRefusal;
  seq: number;
}

export function useUploads(userId: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [announcement, setAnnouncement] = useState<UploadAnnouncement | null>(null);
  const uploads = useRef(new Map<string, Upload>());
  const seq = useRef(0);

  const update = useCallback((key: string, change: (item: UploadItem) => Partial<UploadItem>) => {
    setItems((all) => all.map((it) => (it.key === key ? { ...it, ...change(it) } : it)));
  }, []);
  const announce = useCallback((a: Omit<UploadAnnouncement, 'seq'>) => {
    setAnnouncement({ ...a, seq: ++seq.current });
  }, []);

  const add = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const key = crypto.randomUUID();
        let last = 0;
        const upload = new Upload(file, {
          endpoint: UPLOAD_ENDPOINT,
          chunkSize: CHUNK_SIZE,
          retryDelays: RETRY_DELAYS,
          metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
          storeFingerprintForResuming: true,
          removeFingerprintOnSuccess: true,
          // One person's unfinished upload is not offered to the next person on this browser.
          fingerprint: async (f, options) =>
            `${userId}:${await defaultOptions.fingerprint(f, options)}`,
          // The session cookie goes with every request (same origin); the CSRF header as on writes.
          onBeforeRequest: (req) => {
            for (const [name, value] of Object.entries(writeHeaders())) req.setHeader(name, value);
          },
          onProgress: (sent, total) => {
            const percent = percentOf(sent, total);
            const step = announcedStep(last, percent);
            last = percent;
            update(key, () => ({ sent, percent }));
            if (step !== null) announce({ name: file.name, percent: step });
          },
          onSuccess: () => {
            update(key, () => ({
              state: 'done',
              percent: 100,
              sent: file.size,
              uploadId: uploadIdFromUrl(upload.url),
            }));
            if (last < 100) announce({ name: file.name, percent: 100 });
            last = 100;
          },
          onError: (error) => {
            const refusal = uploadRefusal(error);
            update(key, () => ({ state: 'failed', refusal }));
            announce({ name: file.name, refusal });
          },
        });
        uploads.current.set(key, upload);
        setItems((all) => [
          ...all,
          {
            key,
            name: file.name,
            size: file.size,
            sent: 0,
            percent: 0,
            state: 'uploading',
            uploadId: null,
            refusal: null,
            resumed: false,
          },
        ]);
        void upload.findPreviousUploads().then((previous) => {
          if (previous.length) {
            upload.resumeFromPreviousUpload(previous[0]);
            update(key, () => ({ resumed: true }));
          }
          upload.start();
        });
      }
    },
    [userId, update, announce],
  );

  const pause = useCallback(
    (key: string) => {
      void uploads.current.get(key)?.abort();
      update(key, () => ({ state: 'paused' }));
    },
    [update],
  );

  const resume = useCallback(
    (key: string) => {
      uploads.current.get(key)?.start();
      update(key, () => ({ state: 'uploading', refusal: null }));
    },
    [update],
  );

  /** Stops and forgets the upload (the server is asked to delete what it received). */
  const cancel = useCallback((key: string) => {
    const upload = uploads.current.get(key);
    uploads.current.delete(key);
    if (upload) void upload.abort(true).catch(() => undefined);
    setItems((all) => all.filter((it) => it.key !== key));
  }, []);

  /** Takes finished uploads off the list once the item they were attached to is saved. */
  const clearDone = useCallback(() => {
    setItems((all) => all.filter((it) => it.state !== 'done'));
  }, []);

  // Back online after the retries ran out: carry on without being asked.
  useEffect(() => {
    const online = () => {
      for (const it of items)
        if (it.state === 'failed' && it.refusal?.kind === 'network') resume(it.key);
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [items, resume]);

  // Leaving the page stops sending (the upload stays resumable from where it stopped).
  useEffect(() => {
    const all = uploads.current;
    return () => {
      for (const upload of all.values()) void upload.abort();
    };
  }, []);

  const busy = items.some((it) => it.state === 'uploading' || it.state === 'paused');
  const finishedIds = items.flatMap((it) =>
    it.state === 'done' && it.uploadId ? [it.uploadId] : [],
  );
  return { items, announcement, add, pause, resume, cancel, clearDone, busy, finishedIds };
}
