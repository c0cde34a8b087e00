import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import type { ApiError, ApiErrorCode } from '@iuc/domain';

/**
 * Every error leaves the API as `{ statusCode, error, message }`. Unexpected errors are logged with
 * their stack and answered with a plain 500: no stack trace or driver message reaches the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'string'
          ? res
          : ((res as { message?: string | string[] }).message ?? exception.message);
      const body: ApiError = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
      // `throw new ForbiddenException({ message, code })` passes a code on for clients to branch on.
      const code = typeof res === 'object' ? (res as { code?: unknown }).code : undefined;
      if (typeof code === 'string') body.code = code as ApiErrorCode;
      return body;
    }
    // Body parser errors (malformed JSON, too large) carry a status of their own.
    const status = (exception as { status?: number; type?: string })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? 'Request body is too large.' : 'Request body is not valid JSON.';
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; it has been logged.',
    };
  }
}
