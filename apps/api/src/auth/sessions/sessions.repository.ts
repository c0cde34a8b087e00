import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ProgrammeRole } from '@iuc/domain';
import { SessionEntity } from './session.entity.js';

export interface ActiveSession {
  userId: string;
  email: string;
  name: string;
  programmeRole: ProgrammeRole | null;
  csrfToken: string;
}

@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  async insert(
    session: Pick<SessionEntity, 'tokenHash' | 'userId' | 'csrfToken' | 'userAgent' | 'expiresAt'>,
  ): Promise<void> {
    await this.sessions.insert(session);
  }

  /** The session with its user, unless it has expired or the user is disabled. */
  async findActive(tokenHash: string): Promise<ActiveSession | null> {
    const rows: ActiveSession[] = await this.sessions.query(
      `SELECT u.id AS "userId", u.email, u.name, u.programme_role AS "programmeRole", s.csrf_token AS "csrfToken"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async deleteExpiredForUser(userId: string): Promise<void> {
    await this.sessions.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= now()', [
      userId,
    ]);
  }
}
