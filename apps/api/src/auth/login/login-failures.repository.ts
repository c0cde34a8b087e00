import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { LoginFailureEntity } from './login-failure.entity.js';

@Injectable()
export class LoginFailuresRepository {
  constructor(
    @InjectRepository(LoginFailureEntity) private readonly failures: Repository<LoginFailureEntity>,
  ) {}

  /**
   * Counts one attempt as a failure under every key of `record` before its password is checked,
   * unless a key of `limits` has reached its maximum: then nothing is written and the answer is the
   * seconds to wait. Each key is locked (a transaction-scoped advisory lock, in a fixed order) while
   * it is counted and written, so parallel attempts are counted one after another: N parallel
   * guesses count N. A success takes its rows back with `release`.
   */
  async reserve(
    limits: { key: string; max: number }[],
    record: string[],
    windowMinutes: number,
  ): Promise<{ ids: string[] } | { blockedForSeconds: number }> {
    return this.failures.manager.transaction(async (tx) => {
      const keys = [...new Set([...limits.map((l) => l.key), ...record])].sort();
      for (const key of keys)
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
      let wait = 0;
      for (const { key, max } of limits)
        wait = Math.max(wait, (await blockedForSeconds(tx, key, max, windowMinutes)) ?? 0);
      if (wait > 0) return { blockedForSeconds: wait };
      const rows: { id: string }[] = await tx.query(
        'INSERT INTO login_failures (key) SELECT unnest($1::text[]) RETURNING id',
        [record],
      );
      return { ids: rows.map((r) => r.id) };
    });
  }

  async release(ids: string[]): Promise<void> {
    if (ids.length)
      await this.failures.query('DELETE FROM login_failures WHERE id = ANY($1)', [ids]);
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

/**
 * Seconds until `key` has fewer than `max` failures within the last `windowMinutes`, or null if
 * it already has. That moment is when its max-th newest failure leaves the window.
 */
async function blockedForSeconds(
  db: Queryable,
  key: string,
  max: number,
  windowMinutes: number,
): Promise<number | null> {
  const rows: { seconds: string }[] = await db.query(
    `SELECT ceil(extract(epoch FROM at + make_interval(mins => $2) - now())) AS seconds
         FROM login_failures
        WHERE key = $1 AND at > now() - make_interval(mins => $2)
        ORDER BY at DESC OFFSET $3 LIMIT 1`,
    [key, windowMinutes, max - 1],
  );
  return rows.length ? Math.max(1, Number(rows[0].seconds)) : null;
}

type Queryable = Pick<EntityManager, 'query'>;
