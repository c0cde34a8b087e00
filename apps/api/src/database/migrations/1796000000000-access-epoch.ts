import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter that every change able to take access away moves on (memberships, an account's
 * disabling or programme role, sessions ended, a plan's status or owner, a channel archived or
 * moved, a city's side in a pairing), in the same transaction. Open connections remember the value their access was decided at: the periodic
 * re-check reads one row and asks again only when it moved, instead of re-deciding every open
 * connection every few seconds.
 */
export class AccessEpoch1796000000000 implements MigrationInterface {
  name = 'AccessEpoch1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "access_epoch" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "value" bigint NOT NULL)',
    );
    await queryRunner.query('INSERT INTO "access_epoch" ("id", "value") VALUES (1, 0)');
    await queryRunner.query(
      `CREATE FUNCTION "advance_access_epoch"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE "access_epoch" SET "value" = "value" + 1 WHERE "id" = 1;
         RETURN NULL;
       END $$`,
    );
    for (const [table, events] of TRIGGERS) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_access_epoch" AFTER ${events} ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "advance_access_epoch"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of TRIGGERS)
      await queryRunner.query(`DROP TRIGGER "${table}_access_epoch" ON "${table}"`);
    await queryRunner.query('DROP FUNCTION "advance_access_epoch"()');
    await queryRunner.query('DROP TABLE "access_epoch"');
  }
}

const TRIGGERS: [table: string, events: string][] = [
  ['memberships', 'INSERT OR UPDATE OR DELETE'],
  ['users', 'UPDATE OF "disabled_at", "programme_role" OR DELETE'],
  ['sessions', 'UPDATE OF "expires_at", "user_id" OR DELETE'],
  ['plans', 'UPDATE OF "status", "authority_id", "pairing_id" OR DELETE'],
  ['channels', 'UPDATE OF "archived_at", "pairing_id", "kind", "side" OR DELETE'],
  ['pairing_authorities', 'INSERT OR UPDATE OR DELETE'],
];
