import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Named versions of plans (document states) and the review log. */
export class PlanVersions1795800000000 implements MigrationInterface {
  name = 'PlanVersions1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "plan_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "state" bytea NOT NULL, "author_id" uuid, "restored_from_id" uuid, "section" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dd2f605d45f2679a86a7c1c5b20" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "plan_versions_plan_created_idx" ON "plan_versions"  ("plan_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "plan_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "from_status" text NOT NULL, "to_status" text NOT NULL, "comment" text, "actor_id" uuid, "version_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_156728cf593bc21a68c5e03aa9f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "plan_reviews_plan_created_idx" ON "plan_reviews"  ("plan_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_versions" ADD CONSTRAINT "FK_b504a5b710ec5832245809b7bce" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_versions" ADD CONSTRAINT "FK_b905f532314343d2248ca8ffa20" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_versions" ADD CONSTRAINT "FK_1b111c24b7982ccbf63873b5c5a" FOREIGN KEY ("restored_from_id") REFERENCES "plan_versions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_reviews" ADD CONSTRAINT "FK_a0b90ebf2282ad4afee46b6a805" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_reviews" ADD CONSTRAINT "FK_8b0a460676b5acb712b6f172539" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_reviews" ADD CONSTRAINT "FK_80906c137e5665c1cfb17bfead6" FOREIGN KEY ("version_id") REFERENCES "plan_versions"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE plan_reviews');
    await queryRunner.query('DROP TABLE plan_versions');
  }
}
