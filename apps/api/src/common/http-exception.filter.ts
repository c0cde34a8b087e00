import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { genericErrorCode, type ApiError } from '@iuc/domain';
import { codeOf } from './error-codes.js';

/**
 * Every error leaves the API as `{ statusCode, error, message, code }`: the code the exception was
 * thrown with, or the generic one of its status, for clients to branch on. Unexpected errors are
 * logged with their stack and answered with a plain 500: no stack trace or driver message reaches
 * the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const fields = typeof res === 'string' ? { message: res } : (res as Partial<ApiError>);
      const message = fields.message ?? exception.message;
      const error = STATUS_CODES[statusCode] ?? 'Error';
      return { statusCode, error, message, code: codeOf(exception) };
    }
    // Body parser errors (malformed JSON, too large) carry a status of their own.
    const status = (exception as { status?: number; type?: string })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        status === 413 ? 'Request body is too large.' : 'Request body is not valid JSON.';
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message,
        code: genericErrorCode(status),
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; it has been logged.',
      code: 'internal',
    };
  }
}
