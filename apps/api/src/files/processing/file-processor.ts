/**
 * Turns an uploaded (untrusted) file into its text and a preview picture, in a child process of
 * its own (worker/process-file.mjs): a heap limit (`--max-old-space-size`), a time limit after which
 * it is killed with everything it started, and bounded output. A zip bomb, a PDF that loops or a
 * parser bug then costs one child, never the API's memory or event loop.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

export { excerptOf } from './excerpt.js';

export interface ProcessedFile {
  /** The text, pages separated by form feeds (\f) for PDFs; null for files without text. */
  text: string | null;
  pages: number | null;
  preview: Buffer | null;
  previewType: 'image/webp' | null;
  /** Why the file could not be read, in words for the uploader; null when it was. */
  error: string | null;
}

export type ProcessingLimits = Pick<
  AppConfig,
  'fileProcessingTimeoutSeconds' | 'fileProcessingMaxMemoryMb'
>;

/** Most text kept of one file (UTF-8 bytes). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** A preview is a 480 px WebP, tens of KB; anything near this is not one. */
const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;
const MAX_STDERR_CHARS = 4096;
/** Unix niceness of the child (0 is the API's, 19 the lowest). */
const CHILD_NICENESS = 10;
const WORKER = fileURLToPath(new URL('./worker/process-file.mjs', import.meta.url));
/** What the child may see of the environment: no database address, no secrets. */
const CHILD_ENV_KEYS = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'];

interface WorkerReply {
  text: string | null;
  pages: number | null;
  preview: Uint8Array | null;
  error: string | null;
}

@Injectable()
export class FileProcessor {
  private readonly logger = new Logger('FileProcessor');

  constructor(@Inject(APP_CONFIG) private readonly limits: ProcessingLimits) {}

  /** Never rejects for a bad file: `error` says why. `type` is the sniffed MIME type. */
  async process(localPath: string, type: string, name: string): Promise<ProcessedFile> {
    const reply = await this.runChild(localPath, type, name).catch((err: Error) => {
      // The child could not even start (no processes left, no memory): the job may retry later.
      this.logger.error(`could not start the file processor: ${err.message}`);
      return failed('The file could not be processed.');
    });
    const preview =
      reply.preview && reply.preview.byteLength <= MAX_PREVIEW_BYTES
        ? Buffer.from(reply.preview)
        : null;
    return {
      text: typeof reply.text === 'string' ? reply.text.slice(0, MAX_TEXT_BYTES) : null,
      pages: Number.isInteger(reply.pages) ? reply.pages : null,
      preview,
      previewType: preview ? 'image/webp' : null,
      error: typeof reply.error === 'string' ? reply.error : null,
    };
  }

  private runChild(path: string, type: string, name: string): Promise<WorkerReply> {
    const timeoutMs = this.limits.fileProcessingTimeoutSeconds * 1000;
    const env = Object.fromEntries(
      CHILD_ENV_KEYS.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]),
    );
    return new Promise((resolve) => {
      const child = fork(WORKER, [], {
        execArgv: [`--max-old-space-size=${this.limits.fileProcessingMaxMemoryMb}`],
        env,
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        // Its own process group, so the time limit also ends the LibreOffice or ffmpeg it started.
        detached: true,
      });
      lowerPriority(child.pid);
      let reply: WorkerReply | null = null;
      let stderr = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
      }, timeoutMs);
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < MAX_STDERR_CHARS) stderr += chunk.toString('utf8');
      });
      child.once('message', (message) => (reply = message as WorkerReply));
      child.once('error', (err) => {
        clearTimeout(timer);
        this.logger.error(`could not start the file processor: ${err.message}`);
        resolve(failed('The file could not be processed.'));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        // V8 aborts (SIGABRT, or exit 134) when the heap limit is reached.
        const outOfMemory =
          !reply && (signal === 'SIGABRT' || code === 134 || /heap out of memory/i.test(stderr));
        const what = `processing "${name}" (${type})`;
        if (timedOut || outOfMemory)
          this.logger.warn(`${what}: stopped at the ${timedOut ? 'time' : 'memory'} limit`);
        else if (stderr) this.logger.warn(`${what}: ${stderr.trim()}`);
        if (reply) return resolve(reply);
        if (timedOut)
          return resolve(
            failed(`Reading the file took longer than ${timeoutMs / 1000} s, so it was stopped.`),
          );
        resolve(
          failed(
            outOfMemory
              ? `Reading the file needed more than ${this.limits.fileProcessingMaxMemoryMb} MB of memory, so it was stopped.`
              : 'The file could not be processed.',
          ),
        );
      });
      child.send({
        path,
        type,
        name,
        maxTextBytes: MAX_TEXT_BYTES,
        commandTimeoutMs: Math.floor(timeoutMs * 0.75),
      });
    });
  }
}

/** Below the API's own priority: on a busy machine, requests go first and the file waits. */
function lowerPriority(pid: number | undefined): void {
  try {
    if (pid) setPriority(pid, CHILD_NICENESS);
  } catch {
    // not allowed here: it runs at the API's priority
  }
}

function failed(error: string): WorkerReply {
  return { text: null, pages: null, preview: null, error };
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
