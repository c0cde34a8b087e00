/**
 * Credentials that travel in URLs: invitation tokens in the path (`/invite/<token>`,
 * `/api/invitations/<token>`), `?token=` for clients that cannot send headers, and the sign-in
 * page's `?next=/invite/<token>` (an invitee signing in first). Request logs show them as "[redacted]".
 */
const TOKEN_IN_PATH = /^((?:\/api\/invitations|\/invite)\/)(?!accept(?:[/?#]|$))[^/?#]+/;
const TOKEN_IN_QUERY = /([?&]token=)[^&#]*/gi;
const INVITATION_IN_NEXT = /([?&]next=(?:\/|%2F)invite(?:\/|%2F))[^&#]*/gi;
const REDACTED = '[redacted]';

export function redactUrlTokens(url: string): string {
  return url
    .replace(TOKEN_IN_PATH, `$1${REDACTED}`)
    .replace(TOKEN_IN_QUERY, `$1${REDACTED}`)
    .replace(INVITATION_IN_NEXT, `$1${REDACTED}`);
}

interface SerializedRequest {
  url?: string;
  params?: unknown;
  query?: unknown;
}

/**
 * pino-http `serializers.req`: the standard serialized request with the tokens in its url redacted,
 * and without `params` and `query`, which repeat the url (unredacted) and add nothing.
 */
export function redactRequestTokens<T extends SerializedRequest>(
  req: T,
): Omit<T, 'params' | 'query'> {
  const { params: _params, query: _query, ...rest } = req;
  return rest.url === undefined ? rest : { ...rest, url: redactUrlTokens(rest.url) };
}
