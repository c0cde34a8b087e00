/**
 * Logging: one pino logger for the process, behind Nest's LoggerService and pino-http's request
 * lines. No AsyncLocalStorage (nestjs-pino binds a request logger with one): with it, Node keeps
 * async hooks on after the first request and every promise of the sync and chat servers pays.
 * Request lines carry the request id; other lines carry their Nest context.
 */
import type { LoggerService } from '@nestjs/common';
import type { RequestHandler } from 'express';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { redactRequestTokens } from '../auth/log-redaction.js';

/** Never secrets: credentials in headers are censored (those in URLs by the req serializer). */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: REDACTED_PATHS }, destination);
}

/**
 * One line per request, when it ends; health probes are not worth one. The req serializer must be
 * given here: pino-http wraps its own, not the logger's.
 */
export function requestLogger(root: Logger): RequestHandler {
  return pinoHttp({
    logger: root,
    serializers: { req: redactRequestTokens },
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  });
}

/**
 * Nest's logger calls on pino. Nest passes the context as the last string argument, and for
 * errors a stack before it: `error(message, stack?, context?)`.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    const last = params[params.length - 1];
    const context = typeof last === 'string' && !isStack(last) ? last : undefined;
    const extra = context === undefined ? params : params.slice(0, -1);
    const fields: Record<string, unknown> = context ? { context } : {};
    const stack = extra.find((p): p is string => typeof p === 'string' && isStack(p));
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.root[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      this.root[level]({ ...fields, ...message });
    } else {
      this.root[level](fields, String(message));
    }
  }
}

function isStack(text: string): boolean {
  return /\n\s+at /.test(text);
}
