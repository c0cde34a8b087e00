import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { LoginFailuresRepository } from './login-failures.repository.js';

/** 429 with the seconds to wait; RetryAfterFilter turns them into a `Retry-After` header. */
export class TooManyLoginAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Failed logins counted per account and per client address over a sliding window, in PostgreSQL
 * so that the limit holds across API instances. Once a limit is reached, attempts are refused
 * before the password is checked, so guessing gets no answers at all.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly failures: LoginFailuresRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, clientIp: string): Promise<void> {
    const window = this.config.loginWindowMinutes;
    const [account, client] = await Promise.all([
      this.failures.blockedForSeconds(
        accountKey(email),
        this.config.loginMaxFailuresPerAccount,
        window,
      ),
      this.failures.blockedForSeconds(
        clientKey(clientIp),
        this.config.loginMaxFailuresPerClient,
        window,
      ),
    ]);
    const wait = Math.max(account ?? 0, client ?? 0);
    if (wait > 0) throw new TooManyLoginAttemptsException(wait);
  }

  async recordFailure(email: string, clientIp: string): Promise<void> {
    await this.failures.record([accountKey(email), clientKey(clientIp)]);
    // Rows outside the window are never read again; failures are rare enough to prune on each one.
    await this.failures.pruneOlderThan(this.config.loginWindowMinutes);
  }

  clearAccount(email: string): Promise<void> {
    return this.failures.clear(accountKey(email));
  }
}

const accountKey = (email: string) => `account:${email}`;
const clientKey = (ip: string) => `client:${ip}`;
