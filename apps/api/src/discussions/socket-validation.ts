/**
 * Validation and errors for socket events. ValidationPipe exceptions on sockets do not become
 * acknowledgements, so events are validated here and every failure is answered { ok: false, … }.
 */
import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { AckError, DiscussionErrorCode } from '@iuc/domain';

const logger = new Logger('Discussions');

export function ackError(code: DiscussionErrorCode, error: string): AckError {
  return { ok: false, code, error };
}

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}.${m}` : m)),
    ...messages(e.children ?? [], prefix ? `${prefix}.${e.property}` : e.property),
  ]);
}

/** The payload as an instance of `type` (unknown fields dropped), or the reasons it is not one. */
export function validatePayload<T extends object>(type: new () => T, payload: unknown): { ok: true; value: T } | AckError {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return ackError('invalid', 'The payload must be an object.');
  }
  let value: T;
  let errors: ValidationError[];
  try {
    value = plainToInstance(type, payload);
    errors = validateSync(value, { whitelist: true, forbidUnknownValues: true });
  } catch {
    // Values no JSON parser makes (objects without a prototype, …) can trip the transformer.
    return ackError('invalid', 'The payload is not a plain JSON object.');
  }
  if (errors.length) return ackError('invalid', messages(errors).join('; ') || 'Invalid payload.');
  return { ok: true, value };
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
