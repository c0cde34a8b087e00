import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications of plan review steps (submitted, changes requested, approved, adopted) beside
 * mentions: a mention has its channel and message, a review step its plan and the status reached.
 */
export class PlanReviewNotifications1796100000000 implements MigrationInterface {
  name = 'PlanReviewNotifications1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications" ADD "plan_id" uuid');
    await queryRunner.query('ALTER TABLE "notifications" ADD "plan_status" text');
    await queryRunner.query('ALTER TABLE "notifications" ALTER COLUMN "channel_id" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "notifications" ALTER COLUMN "message_id" DROP NOT NULL');
    await queryRunner.query(
      'CREATE INDEX "notifications_plan_id_idx" ON "notifications"  ("plan_id") ',
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_check" CHECK (("kind" = 'mention' AND "channel_id" IS NOT NULL AND "message_id" IS NOT NULL) OR ("kind" = 'plan-review' AND "plan_id" IS NOT NULL AND "plan_status" IS NOT NULL))`,
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" ADD CONSTRAINT "FK_9e8d37d1fdd8c7c475fd687c8d5" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(): Promise<void> {
    throw new Error('irreversible');
  }
}
