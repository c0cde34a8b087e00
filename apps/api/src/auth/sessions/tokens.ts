import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: session, CSRF and invitation tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What we store instead of a token: HMAC-SHA256 under the server secret, hex. A leaked database
 * then yields no usable token, and the lookup stays a plain equality on an indexed column.
 */
export function keyedHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
