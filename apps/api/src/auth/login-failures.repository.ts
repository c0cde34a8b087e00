import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { LoginFailureEntity } from './login-failure.entity.js';

@Injectable()
export class LoginFailuresRepository {
  constructor(
    @InjectRepository(LoginFailureEntity) private readonly failures: Repository<LoginFailureEntity>,
  ) {}

  /**
   * Seconds until `key` has fewer than `max` failures within the last `windowMinutes`, or null if
   * it already has. That moment is when its max-th newest failure leaves the window.
   */
  async blockedForSeconds(key: string, max: number, windowMinutes: number): Promise<number | null> {
    const rows: { seconds: string }[] = await this.failures.query(
      `SELECT ceil(extract(epoch FROM at + make_interval(mins => $2) - now())) AS seconds
         FROM login_failures
        WHERE key = $1 AND at > now() - make_interval(mins => $2)
        ORDER BY at DESC OFFSET $3 LIMIT 1`,
      [key, windowMinutes, max - 1],
    );
    return rows.length ? Math.max(1, Number(rows[0].seconds)) : null;
  }

  async record(keys: string[]): Promise<void> {
    await this.failures.insert(keys.map((key) => ({ key })));
  }

  async clear(key: string): Promise<void> {
    await this.failures.delete({ key });
  }

  async pruneOlderThan(windowMinutes: number): Promise<void> {
    await this.failures.query(
      'DELETE FROM login_failures WHERE at <= now() - make_interval(mins => $1)',
      [windowMinutes],
    );
  }
}
