import { HttpException } from '@nestjs/common';
import { API_ERROR_CODES, type ApiErrorCode, type GenericErrorCode } from '@iuc/domain';

const BY_STATUS: Readonly<Record<number, GenericErrorCode>> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

/** The generic code of an error that names no reason of its own. */
export function codeForStatus(status: number): GenericErrorCode {
  return BY_STATUS[status] ?? (status < 500 ? 'refused' : 'internal');
}

/** The code an HttpException was thrown with (see codedError), or its status's generic one. */
export function codeOf(exception: HttpException): ApiErrorCode {
  const body = exception.getResponse();
  const given = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  return isApiErrorCode(given) ? given : codeForStatus(exception.getStatus());
}

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return (API_ERROR_CODES as readonly unknown[]).includes(value);
}
