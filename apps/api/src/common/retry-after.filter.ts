import { type ArgumentsHost, Catch } from '@nestjs/common';
import type { Response } from 'express';
import { HttpExceptionFilter } from './http-exception.filter.js';
import { RetryLaterException } from './retry-later.exception.js';

/** Adds `Retry-After` to a RetryLaterException's answer (the login limits, search pacing); the body stays the usual error shape. */
@Catch(RetryLaterException)
export class RetryAfterFilter extends HttpExceptionFilter {
  override catch(exception: RetryLaterException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(exception.retryAfterSeconds));
    super.catch(exception, host);
  }
}
