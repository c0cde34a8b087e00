/**
 * Response headers of every answer (helmet), with a Content Security Policy whose connect-src
 * names our own origins only: a script that got onto a page cannot open a websocket (or fetch) to
 * anywhere else. Our sockets are same-origin (/collab, /socket.io); the allowed origins (e.g. the
 * Vite dev server) are listed with their ws/wss twins, since not every browser counts ws: as 'self'.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../config/config.js';

/** https://a.example → [https://a.example, wss://a.example]; http → ws. */
export function connectSources(config: Pick<AppConfig, 'publicUrl' | 'allowedOrigins'>): string[] {
  const origins = new Set([new URL(config.publicUrl).origin, ...config.allowedOrigins]);
  return [...origins].flatMap((origin) => [origin, origin.replace(/^http/, 'ws')]);
}

export function securityHeaders(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine writes CSS variables into style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", ...connectSources(config)],
        upgradeInsecureRequests: config.nodeEnv === 'production' ? [] : null,
      },
    },
    hsts: config.nodeEnv === 'production',
  });
}
