import { codedError } from '../../common/coded-error.js';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { RetryLaterException } from '../../common/retry-later.exception.js';

/** Too many password checks at once: 429 for one account or client, 503 for the whole server. */
export class LoginBusyException extends RetryLaterException {
  readonly retryAfterSeconds = 1;

  constructor(status: HttpStatus.TOO_MANY_REQUESTS | HttpStatus.SERVICE_UNAVAILABLE) {
    super(
      codedError(
        'login_busy',
        'Too many sign-ins are being checked at once. Try again in a second.',
      ),
      status,
    );
  }
}

export interface CheckKeys {
  account: string;
  client: string;
  /**
   * A known device has its own failure budget: the per-account and per-client caps skip it, and
   * it waits in a queue of its own that goes first, so a flood of strangers cannot starve it.
   */
  knownDevice: boolean;
}

/**
 * Caps the password checks (argon2, ~0.5 s of a core each, on libuv's shared thread pool) in this
 * process: a few in flight per account and per client, and in all a bounded number running with a
 * bounded queue. Beyond a cap the answer is an immediate 429/503 with Retry-After, not seconds in a
 * queue that every other sign-in (and every file read) waits behind. The caps are about this
 * process's CPU, so they are rightly per instance; how many guesses an account gets is bounded in
 * PostgreSQL (LoginThrottle), across instances. Browsers that signed in to the account before
 * queue apart and go first: a stranger's flood delays them by one check at most.
 */
@Injectable()
export class PasswordCheckGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly waitingKnown: (() => void)[] = [];
  private readonly inFlight = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Waits for a turn (or throws LoginBusyException); call the returned function when done. */
  async enter(keys: CheckKeys): Promise<() => void> {
    const perKey: [string, number][] = keys.knownDevice
      ? []
      : [
          [`account:${keys.account}`, this.config.loginMaxConcurrentChecksPerAccount],
          [`client:${keys.client}`, this.config.loginMaxConcurrentChecksPerClient],
        ];
    if (perKey.some(([key, max]) => (this.inFlight.get(key) ?? 0) >= max))
      throw new LoginBusyException(HttpStatus.TOO_MANY_REQUESTS);
    this.refuseIfFull(keys.knownDevice);
    for (const [key] of perKey) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    await this.turn(keys.knownDevice ? this.waitingKnown : this.waiting);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      for (const [key] of perKey) {
        const n = (this.inFlight.get(key) ?? 1) - 1;
        if (n > 0) this.inFlight.set(key, n);
        else this.inFlight.delete(key);
      }
      const next = this.waitingKnown.shift() ?? this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }

  /** 503 when every check slot is taken and the (stranger's or known device's) queue is full. */
  refuseIfFull(knownDevice: boolean): void {
    const queue = knownDevice ? this.waitingKnown : this.waiting;
    if (
      this.running >= this.config.loginMaxConcurrentChecks &&
      queue.length >= this.config.loginMaxQueuedChecks
    )
      throw new LoginBusyException(HttpStatus.SERVICE_UNAVAILABLE);
  }

  private turn(queue: (() => void)[]): Promise<void> {
    if (this.running < this.config.loginMaxConcurrentChecks) {
      this.running++;
      return Promise.resolve();
    }
    // The finishing check hands its slot straight to the next in line (running stays the same).
    return new Promise((resolve) => queue.push(resolve));
  }
}
