import { type ArgumentsHost, Catch } from '@nestjs/common';
import type { Response } from 'express';
import { HttpExceptionFilter } from '../common/http-exception.filter.js';
import { TooManyLoginAttemptsException } from './login-throttle.service.js';

/** Adds `Retry-After` to the login rate limit's 429; the body stays the usual error shape. */
@Catch(TooManyLoginAttemptsException)
export class RetryAfterFilter extends HttpExceptionFilter {
  override catch(exception: TooManyLoginAttemptsException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(exception.retryAfterSeconds));
    super.catch(exception, host);
  }
}
