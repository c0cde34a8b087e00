/**
 * Arrange-helpers for integration tests: accounts and memberships written straight to the database
 * (quick, no permissions needed), and a real sign-in through POST /api/auth/login.
 */
import type { DataSource } from 'typeorm';
import type { PairingRole, ProgrammeRole, UserDto } from '@iuc/domain';
import { hashPassword } from '../auth/login/password.js';
import { SESSION_COOKIE } from '../auth/sessions/session-cookie.js';

export interface CreatedUser {
  id: string;
  email: string;
}

export async function createUser(
  dataSource: DataSource,
  user: { email: string; name: string; password: string; programmeRole?: ProgrammeRole | null },
): Promise<CreatedUser> {
  const rows: CreatedUser[] = await dataSource.query(
    'INSERT INTO users (email, name, password_hash, programme_role) VALUES ($1, $2, $3, $4) RETURNING id, email',
    [
      user.email.toLowerCase(),
      user.name,
      await hashPassword(user.password),
      user.programmeRole ?? null,
    ],
  );
  return rows[0];
}

export async function addMembership(
  dataSource: DataSource,
  membership: { userId: string; pairingId: string; role: PairingRole; authorityId?: string | null },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO memberships (user_id, pairing_id, role, authority_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, pairing_id) DO UPDATE SET role = excluded.role, authority_id = excluded.authority_id`,
    [membership.userId, membership.pairingId, membership.role, membership.authorityId ?? null],
  );
}

export interface LoggedIn {
  /** For `Authorization: Bearer <token>`. */
  token: string;
  /** For the `Cookie` header, e.g. `iuc_session=…`; cookie mutations also need `X-CSRF-Token`. */
  cookie: string;
  csrfToken: string;
  user: UserDto;
}

/**
 * Signs in through the real login route; throws with the answer when it does not succeed. Like a
 * real client it waits and tries again when the server is busy checking other sign-ins (tests sign
 * many people in at once, all from one address).
 */
export async function login(baseUrl: string, email: string, password: string): Promise<LoggedIn> {
  let res: Response;
  for (let attempt = 1; ; attempt++) {
    res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 429 && res.status !== 503) break;
    const body = (await res.clone().json()) as { code?: string };
    if (body.code !== 'login_busy' || attempt === 20) break;
    const seconds = Number(res.headers.get('retry-after')) || 1;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
  if (res.status !== 200)
    throw new Error(`login as ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { token: string; csrfToken: string; user: UserDto };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('login set no session cookie');
  return {
    token: body.token,
    cookie: cookie.split(';')[0],
    csrfToken: body.csrfToken,
    user: body.user,
  };
}
