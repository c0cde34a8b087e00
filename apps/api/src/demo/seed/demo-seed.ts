/**
 * Demo data: the programme directory from the real pairings (pairings.csv beside this file) and one
 * demo account per city side, one viewer per pairing, one officer and one admin, and a Local Action
 * Plan per city side (a few with starter content). Idempotent.
 */
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config.js';
import { hashPassword } from '../../auth/login/password.js';
import { demoData } from './demo-data.js';
import { DemoSeeder } from './demo-seeder.js';

export async function seedDemo(dataSource: DataSource, config: AppConfig): Promise<void> {
  const data = demoData();
  const seeder = new DemoSeeder(dataSource);
  // One hash shared by every demo account: argon2id is deliberately slow.
  const passwordHash =
    (await seeder.reusableHash(
      data.accounts.map((a) => a.email),
      config.demoPassword,
    )) ?? (await hashPassword(config.demoPassword));
  await seeder.write(data, passwordHash);
  await seeder.writeStarterContent();
}
