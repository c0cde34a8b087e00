/**
 * `node dist/migration-tool.js check|draft <Name>` against DATABASE_URL:
 * check fails when entities and migrations disagree; draft prints a migration for the difference.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, pendingSchemaChanges } from './database/data-source.js';
import { ENTITIES } from './entities.js';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const dataSource = new DataSource(dataSourceOptions(url, ENTITIES));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const pending = await pendingSchemaChanges(dataSource);
    if (command === 'check') {
      if (pending.length) {
        console.error(`Schema drift: entities and migrations disagree:\n${pending.join(';\n')}`);
        process.exitCode = 1;
      } else console.log('No schema drift.');
    } else if (command === 'draft') {
      const className = `${name ?? 'Change'}${Date.now()}`;
      const body = pending
        .map((q) => `    await queryRunner.query(${JSON.stringify(q)});`)
        .join('\n');
      console.log(
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${body}\n  }\n\n  async down(): Promise<void> {\n    throw new Error('irreversible');\n  }\n}`,
      );
    } else {
      throw new Error('usage: migration-tool check|draft <Name>');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
