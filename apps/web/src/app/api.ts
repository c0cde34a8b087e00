/**
 * The one way the client talks to the API: same-origin JSON with the session cookie, the CSRF header
 * on mutations, and error bodies turned into ApiRequestError.
 */
import type { ApiError, ApiErrorCode } from '@iuc/domain';

export class ApiRequestError extends Error implements ApiError {
  readonly statusCode: number;
  readonly error: string;
  override readonly message: string;
  readonly messages: string[];
  /** The API's machine-readable reason, when it gives one (branch on this, not on the message). */
  readonly code: ApiErrorCode | undefined;
  /** Seconds to wait before retrying, from Retry-After (rate limits). */
  readonly retryAfter: number | null;

  constructor(body: ApiError, retryAfter: number | null = null) {
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

export function isApiError(err: unknown, status?: number): err is ApiRequestError {
  return err instanceof ApiRequestError && (status === undefined || err.statusCode === status);
}

/** Whether the API answered with this error code (branch on it, never on the message's words). */
export function hasErrorCode(err: unknown, code: ApiErrorCode): boolean {
  return err instanceof ApiRequestError && err.code === code;
}

// The CSRF token comes with every login and /api/me answer; kept here so every mutation sends it.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | undefined>;

function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${withQuery(path, query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError({ statusCode: 0, error: 'Network Error', message: 'network' });
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const retry = Number(res.headers.get('Retry-After'));
    throw new ApiRequestError(
      toApiError(res, data),
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
  }
  return data as T;
}

function toApiError(res: Response, data: unknown): ApiError {
  if (data && typeof data === 'object' && 'message' in data) {
    const d = data as Partial<ApiError>;
    return {
      statusCode: d.statusCode ?? res.status,
      error: d.error ?? res.statusText,
      message: d.message ?? res.statusText,
      code: d.code,
    };
  }
  return { statusCode: res.status, error: res.statusText, message: res.statusText };
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
