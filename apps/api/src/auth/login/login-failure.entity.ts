import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed login, keyed by account ("account:<email>") or client ("client:<ip>"). Kept in
 * PostgreSQL so that the limit holds across API instances; old rows are pruned.
 */
@Entity('login_failures')
@Index('login_failures_key_at_idx', ['key', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
