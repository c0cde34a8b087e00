import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../../config/config.js';

export const SESSION_COOKIE = 'iuc_session';

export interface PresentedToken {
  token: string;
  via: 'cookie' | 'bearer';
}

/** The session token a request carries: an `Authorization: Bearer` header wins over the cookie. */
export function presentedToken(req: Request): PresentedToken | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? { token: match[1], via: 'bearer' } : null;
  }
  const cookie = sessionCookie(req);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export function sessionCookie(req: Request): string | null {
  const cookie: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? cookie : null;
}

function cookieOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: config.nodeEnv === 'production', path: '/' };
}

export function setSessionCookie(res: Response, config: AppConfig, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    ...cookieOptions(config),
    maxAge: config.sessionTtlHours * 3_600_000,
  });
}

export function clearSessionCookie(res: Response, config: AppConfig): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
