/**
 * Administration from the shell, against the configured database:
 *   node apps/api/dist/cli.js create-admin <email> "<name>"   (password from IUC_ADMIN_PASSWORD)
 * Creates the first programme admin of a production installation, or resets that admin's password.
 */
import 'reflect-metadata';
import { loadConfig } from './config/config.js';
import { openDatabase } from './database/data-source.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.js';
import { hashPassword } from './auth/password.js';
import { UserEntity } from './auth/user.entity.js';

async function createAdmin(email: string | undefined, name: string | undefined): Promise<void> {
  const password = process.env.IUC_ADMIN_PASSWORD ?? '';
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !name) throw new Error('usage: create-admin <email> "<name>" (password in IUC_ADMIN_PASSWORD)');
  if (password.length < 12) throw new Error('IUC_ADMIN_PASSWORD must be at least 12 characters.');
  const config = loadConfig({ ...process.env, IUC_DEMO: '0' });
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, console.log);
  const dataSource = await openDatabase(config.databaseUrl ?? embedded!.url);
  try {
    const users = dataSource.getRepository(UserEntity);
    const normalised = email.toLowerCase();
    const passwordHash = await hashPassword(password);
    const existing = await users.findOneBy({ email: normalised });
    if (existing) await users.update(existing.id, { name, passwordHash, programmeRole: 'admin', disabledAt: null });
    else await users.insert({ email: normalised, name, passwordHash, programmeRole: 'admin' });
    console.log(`${normalised} is a programme admin.`);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, (...a: (string | undefined)[]) => Promise<void>> = { 'create-admin': createAdmin };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(`commands: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
run(...args).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
