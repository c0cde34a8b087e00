import { HttpException } from '@nestjs/common';
import { API_ERROR_CODES, genericErrorCode, type ApiErrorCode } from '@iuc/domain';

/** The code an HttpException was thrown with (see codedError), or its status's generic one. */
export function codeOf(exception: HttpException): ApiErrorCode {
  const body = exception.getResponse();
  const given =
    typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  return isApiErrorCode(given) ? given : genericErrorCode(exception.getStatus());
}

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return (API_ERROR_CODES as readonly unknown[]).includes(value);
}
