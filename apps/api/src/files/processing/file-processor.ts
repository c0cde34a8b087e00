/**
 * Turns an uploaded (untrusted) file into its text and a preview picture, in a child process of
 * its own (worker/process-file.mjs, started by the launcher, processing-launcher.ts): a heap limit
 * (`--max-old-space-size`), a time limit after which it is killed with everything it started, a
 * lower priority than the API, and bounded output. A zip bomb, a PDF that loops or a parser bug
 * then costs one child, never the API's memory or event loop.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { ProcessingLauncher, type Outcome } from './processing-launcher.js';

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
/** LibreOffice and ffmpeg get this share of the time limit, so the text still comes back when they hang. */
const COMMAND_SHARE = 0.75;

@Injectable()
export class FileProcessor implements OnModuleDestroy {
  private readonly logger = new Logger('FileProcessor');
  private readonly launcher = new ProcessingLauncher();

  constructor(@Inject(APP_CONFIG) private readonly limits: ProcessingLimits) {}

  onModuleDestroy(): void {
    this.launcher.stop();
  }

  /** Never rejects for a bad file: `error` says why. `type` is the sniffed MIME type; `name` is for the log. */
  async process(localPath: string, type: string, name: string): Promise<ProcessedFile> {
    const timeoutMs = this.limits.fileProcessingTimeoutSeconds * 1000;
    const outcome = await this.launcher
      .run({
        request: {
          path: localPath,
          type,
          maxTextBytes: MAX_TEXT_BYTES,
          commandTimeoutMs: Math.floor(timeoutMs * COMMAND_SHARE),
        },
        maxMemoryMb: this.limits.fileProcessingMaxMemoryMb,
        timeoutMs,
      })
      .catch((err: Error): Outcome => ({ stopped: 'crash', stderr: err.message }));
    this.log(outcome, `processing "${name}" (${type})`);
    if ('stopped' in outcome) return failed(this.words(outcome.stopped));
    const { reply } = outcome;
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

  private words(stopped: 'time' | 'memory' | 'crash'): string {
    if (stopped === 'time')
      return `Reading the file took longer than ${this.limits.fileProcessingTimeoutSeconds} s, so it was stopped.`;
    if (stopped === 'memory')
      return `Reading the file needed more than ${this.limits.fileProcessingMaxMemoryMb} MB of memory, so it was stopped.`;
    return 'The file could not be processed.';
  }

  private log(outcome: Outcome, what: string): void {
    if ('stopped' in outcome && outcome.stopped !== 'crash')
      this.logger.warn(`${what}: stopped at the ${outcome.stopped} limit`);
    else if (outcome.stderr) this.logger.warn(`${what}: ${outcome.stderr.trim()}`);
  }
}

function failed(error: string): ProcessedFile {
  return { text: null, pages: null, preview: null, previewType: null, error };
}
