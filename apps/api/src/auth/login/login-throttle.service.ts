import { codedError } from '../../common/coded-error.js';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { RetryLaterException } from '../../common/retry-later.exception.js';

/** 429 with the seconds to wait; RetryAfterFilter turns them into a `Retry-After` header. */
export class TooManyLoginAttemptsException extends RetryLaterException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      codedError(
        'login_throttled',
        `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      ),
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

export interface LoginAttempt {
  email: string;
  clientIp: string;
  /** Whether the email names an account: failures for no account do not count against the address. */
  accountExists: boolean;
  /** The known device the attempt comes from (known-device cookie), or null. */
  deviceId: string | null;
}

/** The failure rows an attempt reserved, taken back if its password is right. */
export interface Reservation {
  ids: string[];
  attempt: LoginAttempt;
}

/**
 * Failed logins counted per account, per client address and per known device over a sliding
 * window, in PostgreSQL so that the limits hold across API instances. An attempt is counted as a
 * failure before its password is checked (atomically, so parallel guesses cannot overtake the
 * count) and refused once a limit is reached, so guessing gets no answers at all.
 *
 * Lockout resistance: an attempt from a known device is limited only by that device's own budget,
 * so strangers who lock an account or an office's address do not lock out its people; failures for
 * accounts that do not exist count only against that email, never against the address (an office
 * of real users is not blocked by someone spraying made-up emails), as issue 21 asks. The price is a
 * slow side channel: the address's limit is checked for every email, but whether a failure moved it
 * depends on the account existing, so someone who spends the address's budget (20 failures, then a
 * 15-minute block) can learn whether one email has an account. Timing reveals nothing (dummy hash).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly failures: LoginFailuresRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts the attempt as a failure until proven right, or throws TooManyLoginAttemptsException. */
  async reserve(attempt: LoginAttempt): Promise<Reservation> {
    const { limits, record } = this.keys(attempt);
    const result = await this.failures.reserve(limits, record, this.config.loginWindowMinutes);
    if ('blockedForSeconds' in result)
      throw new TooManyLoginAttemptsException(result.blockedForSeconds);
    return { ids: result.ids, attempt };
  }

  /** The password was right: the attempt was no failure, and earlier failures are forgiven. */
  async succeeded({ ids, attempt }: Reservation): Promise<void> {
    await this.failures.release(ids);
    // A known device forgives only its own failures: the account stays locked for strangers.
    await this.failures.clear(
      attempt.deviceId ? deviceKey(attempt.deviceId) : accountKey(attempt.email),
    );
  }

  /** The password was wrong: the reserved rows stay as the failure. */
  async failed(): Promise<void> {
    // Rows outside the window are never read again; failures are rare enough to prune on each one.
    await this.failures.pruneOlderThan(this.config.loginWindowMinutes);
  }

  private keys(attempt: LoginAttempt): {
    limits: { key: string; max: number }[];
    record: string[];
  } {
    if (attempt.deviceId) {
      const device = deviceKey(attempt.deviceId);
      return {
        limits: [{ key: device, max: this.config.loginMaxFailuresPerDevice }],
        record: [device],
      };
    }
    const account = accountKey(attempt.email);
    const client = clientKey(attempt.clientIp);
    return {
      limits: [
        { key: account, max: this.config.loginMaxFailuresPerAccount },
        { key: client, max: this.config.loginMaxFailuresPerClient },
      ],
      record: attempt.accountExists ? [account, client] : [account],
    };
  }
}

const accountKey = (email: string) => `account:${email}`;
const clientKey = (ip: string) => `client:${ip}`;
const deviceKey = (id: string) => `device:${id}`;
