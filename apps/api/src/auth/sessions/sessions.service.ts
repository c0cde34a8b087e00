import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { Actor } from '../../access/actor.js';
import { SessionsRepository } from './sessions.repository.js';
import { keyedHash, randomToken } from './tokens.js';

export interface NewSession {
  /** Handed to the client once; only its keyed hash is stored. */
  token: string;
  csrfToken: string;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** Server-side sessions: the client holds a random token, the database its keyed hash. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repository: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  hash(token: string): string {
    return keyedHash(this.config.sessionSecret, token);
  }

  async create(userId: string, userAgent: string | null): Promise<NewSession> {
    const token = randomToken();
    const csrfToken = randomToken();
    // Expired sessions are only ever looked at to be refused: clear this user's while we are here.
    await this.repository.deleteExpiredForUser(userId);
    await this.repository.insert({
      tokenHash: this.hash(token),
      userId,
      csrfToken,
      userAgent: userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(Date.now() + this.config.sessionTtlHours * 3_600_000),
    });
    return { token, csrfToken };
  }

  /** The actor behind a token, or null when it is unknown, expired, or its user is disabled. */
  async resolve(token: string, via: Actor['via']): Promise<ResolvedSession | null> {
    const tokenHash = this.hash(token);
    const session = await this.repository.findActive(tokenHash);
    if (!session) return null;
    const { csrfToken, ...user } = session;
    return { actor: { ...user, sessionTokenHash: tokenHash, via }, csrfToken };
  }

  /** The CSRF token of a live session (for GET /api/me, so a reloaded page can recover it). */
  async csrfToken(tokenHash: string): Promise<string | null> {
    return (await this.repository.findActive(tokenHash))?.csrfToken ?? null;
  }

  endByToken(token: string): Promise<void> {
    return this.repository.delete(this.hash(token));
  }

  endByHash(tokenHash: string): Promise<void> {
    return this.repository.delete(tokenHash);
  }

  endAllForUser(userId: string): Promise<void> {
    return this.repository.deleteForUser(userId);
  }
}
