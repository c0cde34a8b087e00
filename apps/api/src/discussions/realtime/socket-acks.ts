/**
 * Errors of socket events as acknowledgements: every failure is answered { ok: false, code, error },
 * never a stack trace.
 */
import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { AckError, DiscussionErrorCode } from '@iuc/domain';

const logger = new Logger('Discussions');

export function ackError(code: DiscussionErrorCode, error: string): AckError {
  return { ok: false, code, error };
}

/** An exception from the service as an acknowledgement (never a stack trace). */
export function errorAck(err: unknown): AckError {
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: string | string[] }).message;
    const text = Array.isArray(raw) ? raw.join('; ') : (raw ?? err.message);
    const code: DiscussionErrorCode =
      status === HttpStatus.NOT_FOUND
        ? 'not_found'
        : status === HttpStatus.FORBIDDEN
          ? 'forbidden'
          : status === HttpStatus.PAYLOAD_TOO_LARGE
            ? 'too_large'
            : status === HttpStatus.TOO_MANY_REQUESTS
              ? 'rate_limited'
              : status < 500
                ? 'invalid'
                : 'internal';
    if (code === 'internal') logger.error(text);
    return ackError(code, text);
  }
  logger.error(`socket event failed: ${(err as Error)?.stack ?? String(err)}`);
  return ackError('internal', 'Something went wrong on the server.');
}
