/**
 * The client address of a raw request (e.g. a websocket upgrade), found as Express finds `req.ip`
 * with `trust proxy` set to 'loopback': behind a reverse proxy on this machine, the nearest
 * address in X-Forwarded-For that is not a loopback one.
 */
import type { IncomingMessage } from 'node:http';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether an address is this machine's (the proxies the app trusts: 'trust proxy' = loopback). */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse();
  let address = peer;
  for (const hop of hops) {
    if (!isLoopback(address)) break;
    address = hop;
  }
  return address;
}
