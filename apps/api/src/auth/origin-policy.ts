/**
 * Which browser pages may use the session cookie (REST sign-in, socket.io, collab): those of the
 * configured origins (PUBLIC_URL, ALLOWED_ORIGINS) and any page served from the very host the
 * request was sent to. A same-origin page is safe by construction — the browser only sends it the
 * cookies of that host — so opening the platform as http://127.0.0.1:3000 or at a LAN address
 * works without configuration; only other origins need to be listed.
 */
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/config.js';
import { isLoopback } from '../common/client-address.js';

/** The reverse proxies whose X-Forwarded-* headers we believe (Express's `trust proxy`). */
export const TRUSTED_PROXIES = 'loopback';

/** True when `origin` is configured or names the host this request was sent to. */
export function isOwnOrigin(
  origin: string,
  req: IncomingMessage,
  config: Pick<AppConfig, 'allowedOrigins'>,
): boolean {
  return config.allowedOrigins.includes(origin) || sameHost(origin, req);
}

/** What to tell a person whose page was refused: the address it came from and what to set. */
export function originRefusal(origin: string, config: Pick<AppConfig, 'publicUrl'>): string {
  return (
    `Requests from ${origin} are not allowed: this server accepts them from its PUBLIC_URL ` +
    `(${config.publicUrl}), from ALLOWED_ORIGINS and from its own address. If people open the ` +
    `platform at ${origin}, set PUBLIC_URL to it or add it to ALLOWED_ORIGINS.`
  );
}

function sameHost(origin: string, req: IncomingMessage): boolean {
  const host = requestHost(req);
  if (!host) return false;
  try {
    const page = new URL(origin);
    // Parsing the Host under the page's scheme drops a default port the header may spell out.
    return page.host === new URL(`${page.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** The Host the client addressed: X-Forwarded-Host only when a trusted (loopback) proxy sent it. */
function requestHost(req: IncomingMessage): string | undefined {
  const forwarded = req.headers['x-forwarded-host'];
  if (typeof forwarded === 'string' && forwarded && isLoopback(req.socket?.remoteAddress)) {
    return forwarded.split(',')[0].trim();
  }
  return req.headers.host;
}
