/**
 * Errors of socket events as acknowledgements: every failure is answered { ok: false, code, error },
 * never a stack trace.
 */
import { HttpException, Logger } from '@nestjs/common';
import type { AckError, ApiErrorCode } from '@iuc/domain';
import { codeOf } from '../../common/error-codes.js';

const logger = new Logger('Discussions');

export function ackError(code: ApiErrorCode, error: string): AckError {
  return { ok: false, code, error };
}

/** An exception from the service as an acknowledgement (never a stack trace). */
export function errorAck(err: unknown): AckError {
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const raw =
      typeof response === 'string'
        ? response
        : (response as { message?: string | string[] }).message;
    const text = Array.isArray(raw) ? raw.join('; ') : (raw ?? err.message);
    const code = codeOf(err);
    if (status >= 500) logger.error(text);
    return ackError(code, text);
  }
  logger.error(`socket event failed: ${(err as Error)?.stack ?? String(err)}`);
  return ackError('internal', 'Something went wrong on the server.');
}
