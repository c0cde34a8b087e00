import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { LoginRequest, MeResponse, SessionResponse } from '@iuc/domain';
import type { Actor } from './actor.js';
import type { ClientInfo } from './client-info.js';
import { normalizeEmail } from './email.js';
import { LoginThrottle } from './login-throttle.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionsService } from './sessions.service.js';
import { randomToken } from './tokens.js';
import { UsersService } from './users.service.js';

/** One answer for unknown email, wrong password and disabled account: nothing to probe. */
const WRONG_CREDENTIALS = 'Wrong email or password.';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so that both cases take as long. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(input: LoginRequest, client: ClientInfo): Promise<SessionResponse> {
    const email = normalizeEmail(input.email);
    await this.throttle.assertAllowed(email, client.ip);
    const user = await this.users.findByEmail(email);
    const passwordOk = await verifyPassword(
      user?.passwordHash ?? (await this.unknownUserHash()),
      input.password,
    );
    if (!user || !passwordOk || user.disabledAt) {
      await this.throttle.recordFailure(email, client.ip);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    await this.throttle.clearAccount(email);
    return this.startSession(user.id, client);
  }

  /** A fresh session for a user who has just proved who they are; any session the client came with ends. */
  async startSession(userId: string, client: ClientInfo): Promise<SessionResponse> {
    if (client.sessionCookie) await this.sessions.endByToken(client.sessionCookie);
    const { token, csrfToken } = await this.sessions.create(userId, client.userAgent);
    return { user: await this.users.toDto(userId), token, csrfToken };
  }

  logout(actor: Actor): Promise<void> {
    return this.sessions.endByHash(actor.sessionTokenHash);
  }

  async me(actor: Actor): Promise<MeResponse> {
    const [user, csrfToken] = await Promise.all([
      this.users.toDto(actor.userId),
      this.sessions.csrfToken(actor.sessionTokenHash),
    ]);
    // The guard has just seen this session live; it can only be gone if it ended since.
    if (csrfToken === null)
      throw new UnauthorizedException('Sign in to continue: the session has ended.');
    return { user, csrfToken };
  }

  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= hashPassword(randomToken());
    return this.dummyHash;
  }
}
