import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { deviceCookie } from './login/known-device.js';
import { sessionCookie } from './sessions/session-cookie.js';

/** What a sign-in needs to know about the client making it. */
export interface ClientInfo {
  /** The client address (behind a local reverse proxy, from X-Forwarded-For). */
  ip: string;
  userAgent: string | null;
  /** The session cookie the request came with, ended when a new session starts (rotation). */
  sessionCookie: string | null;
  /** The known-device cookie: this browser signed in to some accounts before. */
  deviceCookie: string | null;
}

export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: req.headers['user-agent'] ?? null,
    sessionCookie: sessionCookie(req),
    deviceCookie: deviceCookie(req),
  };
});
