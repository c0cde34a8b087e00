import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications become one generic table: (kind, subject type and id, pairing, actor, payload)
 * instead of one nullable foreign key per kind of source. Every notification keeps its id, dates
 * and read state; a mention's channel, thread and excerpt, and a review step's status and excerpt,
 * move to `payload`. Adds the event outbox, and the key that dedupes an event's notifications.
 */
export class GenericNotificationsAndOutbox1796200000000 implements MigrationInterface {
  name = 'GenericNotificationsAndOutbox1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "notifications" ADD "subject_type" text, ADD "subject_id" uuid, ADD "payload" jsonb, ADD "event_id" uuid',
    );
    await queryRunner.query(
      `UPDATE "notifications" SET "subject_type" = 'message', "subject_id" = "message_id",
         "payload" = jsonb_build_object('channelId', "channel_id", 'parentId', "parent_id", 'excerpt', "excerpt")
        WHERE "kind" = 'mention'`,
    );
    await queryRunner.query(
      `UPDATE "notifications" SET "subject_type" = 'plan', "subject_id" = "plan_id",
         "payload" = jsonb_build_object('status', "plan_status", 'excerpt', "excerpt")
        WHERE "kind" = 'plan-review'`,
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" ALTER COLUMN "subject_type" SET NOT NULL, ALTER COLUMN "subject_id" SET NOT NULL, ALTER COLUMN "payload" SET NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_check"',
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" DROP CONSTRAINT "FK_d9b273840b515b44729879b44fd"',
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" DROP CONSTRAINT "FK_14569f8a49ebb2ed92e9f8ba01c"',
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" DROP CONSTRAINT "FK_9e8d37d1fdd8c7c475fd687c8d5"',
    );
    await queryRunner.query('DROP INDEX "public"."notifications_channel_id_idx"');
    await queryRunner.query('DROP INDEX "public"."notifications_message_id_idx"');
    await queryRunner.query('DROP INDEX "public"."notifications_plan_id_idx"');
    await queryRunner.query(
      'ALTER TABLE "notifications" DROP COLUMN "channel_id", DROP COLUMN "message_id", DROP COLUMN "parent_id", DROP COLUMN "plan_id", DROP COLUMN "plan_status", DROP COLUMN "excerpt"',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_subject_idx" ON "notifications" ("subject_type", "subject_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "notifications_event_user_key" ON "notifications" ("event_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "event_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_c8bd4a6797caa3ebad9b40c9813" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "event_outbox_created_idx" ON "event_outbox" ("created_at", "id") ',
    );
  }

  async down(): Promise<void> {
    throw new Error('irreversible');
  }
}
