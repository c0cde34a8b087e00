/**
 * The one JSON body parser of the API: each route gets the size its largest valid body needs (a
 * small default, larger only where a route needs it), and bodies nested deeper than the limit are
 * refused before JSON.parse and class-transformer spend seconds on them (400,000 nested arrays:
 * ~0.3 s to parse, then a stack overflow). Both answer at once: 413 or 400.
 */
import type {
  NestExpressApplication,
  NestExpressBodyParserOptionsFor,
} from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import { jsonNestsDeeperThan } from '../common/json-depth.js';

const KB = 1024;

interface RouteLimit {
  method: string;
  path: RegExp;
  bytes: number;
}

/**
 * Routes whose largest valid body differs from the default: the sum of their fields' maximum
 * lengths with every character escaped as \uXXXX (6 bytes), rounded up. Every other route gets
 * the default (JSON_BODY_MAX_BYTES), which covers its fields the same way; a new route that needs
 * more is listed here.
 */
export const ROUTE_BODY_LIMITS: readonly RouteLimit[] = [
  // Public: email (320) and password (200).
  { method: 'POST', path: /^\/api\/auth\/login\/?$/i, bytes: 4 * KB },
  // Public: token, password and name (200 each).
  { method: 'POST', path: /^\/api\/invitations\/accept\/?$/i, bytes: 4 * KB },
  // A review comment of up to 5,000 characters.
  { method: 'POST', path: /^\/api\/plans\/[^/]+\/transitions\/?$/i, bytes: 32 * KB },
  // Up to 500 notification ids.
  { method: 'POST', path: /^\/api\/notifications\/read\/?$/i, bytes: 32 * KB },
];

export interface JsonBodyLimits {
  /** Bytes, for routes not in ROUTE_BODY_LIMITS. */
  defaultBytes: number;
  /** Arrays and objects inside one another. */
  maxDepth: number;
}

export function bodyLimitFor(method: string, url: string, defaultBytes: number): number {
  const path = url.split('?', 1)[0];
  return (
    ROUTE_BODY_LIMITS.find((r) => r.method === method && r.path.test(path))?.bytes ?? defaultBytes
  );
}

/** Registers the parser (Nest's own is turned off: it would also parse url-encoded forms). */
export function useJsonBodies(app: NestExpressApplication, limits: JsonBodyLimits): void {
  const largest = Math.max(limits.defaultBytes, ...ROUTE_BODY_LIMITS.map((r) => r.bytes));
  const options = {
    // Bodies declared larger than every route's limit are refused before a byte is read.
    limit: largest,
    // Runs on the raw bytes, before JSON.parse.
    verify: (req: IncomingMessage, _res: unknown, body: Buffer) => {
      const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
      const limit = bodyLimitFor(req.method ?? 'GET', url, limits.defaultBytes);
      if (body.length > limit)
        throw bodyError(
          413,
          `The request body is larger than this route accepts (${limit} bytes).`,
        );
      if (jsonNestsDeeperThan(body, limits.maxDepth))
        throw bodyError(
          400,
          `The request body nests arrays or objects more than ${limits.maxDepth} levels deep.`,
        );
    },
  };
  // Nest's type leaves `verify` out because its rawBody option uses it; we do not use rawBody.
  app.useBodyParser('json', options as NestExpressBodyParserOptionsFor<'json'>);
}

/** Shaped like body-parser's own errors, so that Nest answers them with this status and message. */
function bodyError(status: 400 | 413, message: string): Error {
  return Object.assign(new Error(message), {
    status,
    statusCode: status,
    expose: true,
    type: 'entity.refused',
  });
}
