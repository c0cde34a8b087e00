/**
 * The one way the client talks to the API: calls typed by the committed OpenAPI document (through
 * openapi-fetch and the generated api-schema.ts, so a path or method the API lacks fails
 * type-checking), same-origin JSON with the session cookie, the CSRF header on mutations, and
 * error bodies turned into ApiRequestError.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { genericErrorCode, type ApiError, type ApiErrorCode } from '@iuc/domain';
import type { paths } from './api-schema';

/** The API's error codes, and 'network' when no answer came at all. */
export type ClientErrorCode = ApiErrorCode | 'network';

export class ApiRequestError extends Error {
  readonly statusCode: number;
  readonly error: string;
  override readonly message: string;
  readonly messages: string[];
  /** Which error this is (branch on this, never on the message or the bare status). */
  readonly code: ClientErrorCode;
  /** Seconds to wait before retrying, from Retry-After (rate limits). */
  readonly retryAfter: number | null;

  constructor(
    body: Omit<ApiError, 'code'> & { code: ClientErrorCode },
    retryAfter: number | null = null,
  ) {
    const messages = Array.isArray(body.message) ? body.message : [body.message];
    super(messages.join('; '));
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.message = messages.join('; ');
    this.messages = messages;
    this.code = body.code;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(err: unknown): err is ApiRequestError {
  return err instanceof ApiRequestError;
}

/** Whether the API answered with this error code (branch on it, never on the message's words). */
export function hasErrorCode(err: unknown, code: ClientErrorCode): err is ApiRequestError {
  return err instanceof ApiRequestError && err.code === code;
}

// The CSRF token comes with every login and /api/me answer; kept here so every mutation sends it.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The headers a write outside this client (tus uploads) sends to be accepted like the API's own. */
export function writeHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    if (request.method !== 'GET' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) return response;
    const data: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    const retry = Number(response.headers.get('Retry-After'));
    throw new ApiRequestError(
      toApiError(response, data),
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
  },
  onError() {
    return new ApiRequestError({
      statusCode: 0,
      error: 'Network Error',
      message: 'network',
      code: 'network',
    });
  },
};

// Empty filters are left out of the address, as before.
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, String(value));
  return params.toString();
}

function toApiError(res: Response, data: unknown): ApiError {
  if (data && typeof data === 'object' && 'message' in data) {
    const d = data as Partial<ApiError>;
    return {
      statusCode: d.statusCode ?? res.status,
      error: d.error ?? res.statusText,
      message: d.message ?? res.statusText,
      code: d.code ?? genericErrorCode(res.status),
    };
  }
  // No error body (a proxy's page, say): the status is all there is.
  return {
    statusCode: res.status,
    error: res.statusText,
    message: res.statusText,
    code: genericErrorCode(res.status),
  };
}

/** The API, typed by its OpenAPI document: `api.GET('/api/plans/{id}', { params: { path: { id } } })`. */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  querySerializer,
});
api.use(session);

/**
 * The body of a successful answer (failures were thrown as ApiRequestError by the middleware);
 * undefined for 204.
 */
export async function body<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}
