import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { LoginRequest, MeResponse, SessionResponse } from '@iuc/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Actor } from '../access/actor.js';
import type { ClientInfo } from './client-info.js';
import { normalizeEmail } from './email.js';
import { knownDevice, rememberDevice } from './login/known-device.js';
import { LoginThrottle, type Reservation } from './login/login-throttle.service.js';
import { PasswordCheckGate } from './login/password-check-gate.js';
import { hashPassword, verifyPassword } from './login/password.js';
import { SessionsService } from './sessions/sessions.service.js';
import { randomToken } from './sessions/tokens.js';
import { UsersService } from './users/users.service.js';

/** One answer for unknown email, wrong password and disabled account: nothing to probe. */
const WRONG_CREDENTIALS = 'Wrong email or password.';

export interface SignedIn {
  session: SessionResponse;
  /** The new value of the known-device cookie. */
  deviceCookie: string;
}

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so that both cases take as long. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly gate: PasswordCheckGate,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the password under the limits (LoginThrottle: how many failures; PasswordCheckGate: how
   * many checks at once) and starts a session. The answer carries the known-device cookie to set.
   */
  async login(input: LoginRequest, client: ClientInfo): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    // A full server refuses strangers before any work; the other caps need the account.
    if (!client.deviceCookie) this.gate.refuseIfFull(false);
    const user = await this.users.findByEmail(email);
    const deviceId = user
      ? knownDevice(this.config.sessionSecret, client.deviceCookie, user)
      : null;
    const leave = await this.gate.enter({
      account: email,
      client: client.ip,
      knownDevice: !!deviceId,
    });
    let passwordOk: boolean;
    let reservation: Reservation;
    try {
      reservation = await this.throttle.reserve({
        email,
        clientIp: client.ip,
        accountExists: user !== null,
        deviceId,
      });
      passwordOk = await verifyPassword(
        user?.passwordHash ?? (await this.unknownUserHash()),
        input.password,
      );
    } finally {
      leave();
    }
    if (!user || !passwordOk || user.disabledAt) {
      await this.throttle.failed();
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    await this.throttle.succeeded(reservation);
    return {
      session: await this.startSession(user.id, client),
      deviceCookie: rememberDevice(this.config.sessionSecret, client.deviceCookie, user),
    };
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
