/**
 * Who opens a socket: `auth: { token }` (or `Authorization: Bearer`) for API clients, else the
 * session cookie — which any page's script could make a browser send, so it is taken only from our
 * own origins.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { isOwnOrigin } from '../../auth/origin-policy.js';
import { SESSION_COOKIE } from '../../auth/sessions/session-cookie.js';
import type { AppConfig } from '../../config/config.js';

export interface Handshake {
  headers: IncomingHttpHeaders;
  auth: Record<string, unknown>;
}

export type SocketCredential = { token: string; via: 'bearer' | 'cookie' };

export function presentedCredential(handshake: Handshake): SocketCredential | null {
  const token = handshake.auth?.token;
  if (typeof token === 'string' && token) return { token, via: 'bearer' };
  const header = handshake.headers.authorization;
  const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = handshake.headers.cookie
    ? parseCookies(handshake.headers.cookie)[SESSION_COOKIE]
    : undefined;
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** A browser's Origin must be one of ours; clients that send none (not browsers) pass. */
export function originAllowed(
  req: IncomingMessage,
  config: Pick<AppConfig, 'allowedOrigins'>,
): boolean {
  const origin = req.headers.origin;
  return origin === undefined || isOwnOrigin(origin, req, config);
}
