import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/** `entities`: the application's entity registry (apps/api/src/entities.ts), passed in by the composition root. */
export function dataSourceOptions(
  url: string,
  entities: NonNullable<DataSourceOptions['entities']>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    uuidExtension: 'pgcrypto',
    entities,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    migrationsTransactionMode: 'each',
    logging: ['error'],
    // Idle connections stay a minute (pg's default is 10 s): a burst of work (500 sockets signing in)
    // otherwise ends, 10 s later, in a wave of backend exits and, at the next burst, cold backends.
    extra: { max: 20, idleTimeoutMillis: 60_000, application_name: 'iuc-api' },
  };
}

/** Opens a data source and brings its schema up to date. */
export async function openDatabase(
  url: string,
  entities: NonNullable<DataSourceOptions['entities']>,
): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, entities));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/**
 * The SQL that would bring the database in line with the entities; empty when migrations and
 * entities agree. Used by the drift check and to draft new migrations.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
