import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address for a raw request (websocket upgrades, which express's `req.ip` never
 * sees), with the app's proxy rule ('trust proxy' = loopback): X-Forwarded-For is believed only
 * from a proxy on this machine, read from the right past every loopback hop.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  if (!LOOPBACK.test(peer) || typeof forwarded !== 'string') return peer;
  const hops = forwarded.split(',').map((h) => h.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) return peer;
    if (!LOOPBACK.test(hops[i])) return hops[i];
  }
  return hops[0] || peer;
}
