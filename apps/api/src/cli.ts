/**
 * Administration from the shell, against the configured database:
 *   node apps/api/dist/cli.js create-admin <email> "<name>"   (password from IUC_ADMIN_PASSWORD)
 * Creates the first programme admin of a production installation, or resets that admin's password.
 *   node apps/api/dist/cli.js repair-collab <documentName|--all> [--dry-run]
 * Drops the co-editing update-log rows that do not apply (see collab/collab-repair.ts), printing them.
 *   node apps/api/dist/cli.js search:reindex [subject…]
 * Rebuilds the search index from every module's source (or the named ones: resource, plan, message…).
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { loadConfig } from './config/config.js';
import { openDatabase } from './database/data-source.js';
import { ENTITIES } from './entities.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.js';
import { hashPassword } from './auth/login/password.js';
import { UserEntity } from './auth/users/user.entity.js';
import { documentsWithUpdates, repairDocument, type RepairReport } from './collab/collab-repair.js';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { SearchReindexer } from './search/search-reindexer.js';
import { SearchSources } from './search/search-sources.js';

/** Runs `work` against the configured database (the embedded one when none is configured). */
async function withDatabase(
  work: (dataSource: DataSource, config: AppConfig) => Promise<void>,
): Promise<void> {
  const config = loadConfig({ ...process.env, IUC_DEMO: '0' });
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, console.log);
  const dataSource = await openDatabase(config.databaseUrl ?? embedded!.url, ENTITIES);
  try {
    await work(dataSource, config);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

async function createAdmin(email: string | undefined, name: string | undefined): Promise<void> {
  const password = process.env.IUC_ADMIN_PASSWORD ?? '';
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !name)
    throw new Error('usage: create-admin <email> "<name>" (password in IUC_ADMIN_PASSWORD)');
  if (password.length < 12) throw new Error('IUC_ADMIN_PASSWORD must be at least 12 characters.');
  await withDatabase(async (dataSource) => {
    const users = dataSource.getRepository(UserEntity);
    const normalised = email.toLowerCase();
    const passwordHash = await hashPassword(password);
    const existing = await users.findOneBy({ email: normalised });
    if (existing)
      await users.update(existing.id, {
        name,
        passwordHash,
        programmeRole: 'admin',
        disabledAt: null,
      });
    else await users.insert({ email: normalised, name, passwordHash, programmeRole: 'admin' });
    console.log(`${normalised} is a programme admin.`);
  });
}

function printRepair(report: RepairReport, dryRun: boolean): void {
  const { docName, dropped, kept, failure } = report;
  if (failure) return console.log(`${docName}: cannot be repaired, ${failure}; nothing changed`);
  for (const { seq, reason } of dropped)
    console.log(`${docName}: ${dryRun ? 'would drop' : 'dropped'} seq ${seq} (${reason})`);
  console.log(
    `${docName}: ${dropped.length ? `${dryRun ? 'would keep' : 'kept'} ${kept} update(s)` : `all ${kept} update(s) apply, nothing to drop`}`,
  );
}

async function repairCollab(...args: (string | undefined)[]): Promise<void> {
  const dryRun = args.includes('--dry-run');
  const targets = args.filter((a): a is string => !!a && a !== '--dry-run');
  if (targets.length !== 1)
    throw new Error('usage: repair-collab <documentName|--all> [--dry-run]');
  await withDatabase(async (dataSource) => {
    const names = targets[0] === '--all' ? await documentsWithUpdates(dataSource) : targets;
    for (const name of names)
      printRepair(await repairDocument(dataSource, name, { dryRun }), dryRun);
  });
}

/** Rebuilds the search index through the modules' own sources (the whole application, not listening). */
async function reindexSearch(...names: (string | undefined)[]): Promise<void> {
  await withDatabase(async (dataSource, config) => {
    const app = await NestFactory.create(
      AppModule.forRoot({ ...config, searchFillAtStart: false }, dataSource),
      { logger: ['error', 'warn'] },
    );
    try {
      await app.init();
      const known = app
        .get(SearchSources)
        .all()
        .map((s) => s.subject);
      const subjects = names.filter((n): n is string => !!n);
      const unknown = subjects.filter((s) => !known.includes(s));
      if (unknown.length)
        throw new Error(`unknown: ${unknown.join(', ')}; known: ${known.join(', ')}`);
      const reindexer = app.get(SearchReindexer);
      let documents = 0;
      const started = performance.now();
      for (const subject of subjects.length ? subjects : known) {
        const r = await reindexer.reindex(subject);
        documents += r.documents;
        console.log(
          `${subject}: ${r.subjects} subject(s), ${r.documents} document(s), ${r.removed} removed, ${r.ms} ms`,
        );
      }
      await reindexer.tidy();
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `indexed ${documents} document(s) in ${seconds.toFixed(1)} s (${Math.round(documents / seconds)} documents/s)`,
      );
    } finally {
      await app.close();
    }
  });
}

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, (...a: (string | undefined)[]) => Promise<void>> = {
  'create-admin': createAdmin,
  'repair-collab': repairCollab,
  'search:reindex': reindexSearch,
};
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(`commands: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
run(...args).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
