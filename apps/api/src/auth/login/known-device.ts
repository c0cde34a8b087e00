/**
 * The known-device cookie: proof that this browser signed in to an account before, so that its
 * person still gets in while strangers have locked the account or the office's address. One entry
 * per account (`<deviceId>.<mac>`, comma-separated, newest first); the MAC binds the device id to
 * the account and its current password hash, so a password change retires every device. No account
 * id is in the cookie; a request names the account by its email, and only that account's entry counts.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../../config/config.js';
import { sameToken } from '../sessions/tokens.js';

export const DEVICE_COOKIE = 'iuc_device';
/** Sent only to the sign-in routes. */
const DEVICE_COOKIE_PATH = '/api/auth';
const DEVICE_COOKIE_DAYS = 180;
/** Accounts remembered per browser (a shared office computer). */
const MAX_ENTRIES = 5;

export interface DeviceAccount {
  id: string;
  passwordHash: string | null;
}

export function deviceCookie(req: Request): string | null {
  const cookie: unknown = req.cookies?.[DEVICE_COOKIE];
  return typeof cookie === 'string' && cookie ? cookie : null;
}

/** The id of the device this cookie proves for `account`, or null. */
export function knownDevice(
  secret: string,
  cookie: string | null,
  account: DeviceAccount,
): string | null {
  for (const entry of entries(cookie)) {
    const [deviceId, mac] = entry.split('.');
    if (deviceId && mac && sameToken(mac, deviceMac(secret, account, deviceId))) return deviceId;
  }
  return null;
}

/** The cookie after a successful sign-in: this account's entry (same device id if it had one) first. */
export function rememberDevice(
  secret: string,
  cookie: string | null,
  account: DeviceAccount,
): string {
  const deviceId = knownDevice(secret, cookie, account) ?? randomBytes(16).toString('base64url');
  const own = `${deviceId}.${deviceMac(secret, account, deviceId)}`;
  const others = entries(cookie).filter((e) => !e.startsWith(`${deviceId}.`));
  return [own, ...others].slice(0, MAX_ENTRIES).join(',');
}

export function setDeviceCookie(res: Response, config: AppConfig, value: string): void {
  const options: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.nodeEnv === 'production',
    path: DEVICE_COOKIE_PATH,
    maxAge: DEVICE_COOKIE_DAYS * 86_400_000,
  };
  res.cookie(DEVICE_COOKIE, value, options);
}

function entries(cookie: string | null): string[] {
  return (cookie ?? '').split(',').filter(Boolean).slice(0, MAX_ENTRIES);
}

function deviceMac(secret: string, account: DeviceAccount, deviceId: string): string {
  return createHmac('sha256', secret)
    .update(`known-device\0${account.id}\0${account.passwordHash ?? ''}\0${deviceId}`)
    .digest('base64url')
    .slice(0, 32);
}
