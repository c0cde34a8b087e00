import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge library: items (`resources`), their revisions and review steps; GIN indexes for
 * the list's theme and SDG filters; the library items a plan action cites (`inspired_by`, with a
 * GIN index for "which actions cite this item"); notifications without a pairing (a programme-wide
 * item's review).
 */
export class Library1796400000000 implements MigrationInterface {
  name = 'Library1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "resources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL DEFAULT \'\', "problem" text NOT NULL DEFAULT \'\', "approach" text NOT NULL DEFAULT \'\', "participation" text NOT NULL DEFAULT \'\', "results" text NOT NULL DEFAULT \'\', "resources_needed" text NOT NULL DEFAULT \'\', "timescale" text NOT NULL DEFAULT \'\', "transferability" text NOT NULL DEFAULT \'\', "lessons" text NOT NULL DEFAULT \'\', "contact" text NOT NULL DEFAULT \'\', "links" jsonb NOT NULL DEFAULT \'[]\', "language" text NOT NULL, "themes" text array NOT NULL DEFAULT \'{}\', "sdgs" smallint array NOT NULL DEFAULT \'{}\', "agendas" text array NOT NULL DEFAULT \'{}\', "city_id" uuid, "city_country" text, "city_region" text, "scope_level" text NOT NULL, "pairing_id" uuid, "authority_id" uuid, "status" text NOT NULL, "featured" boolean NOT NULL DEFAULT false, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_632484ab9dff41bba94f9b7c85e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "resources_kind_idx" ON "resources"  ("kind") ');
    await queryRunner.query('CREATE INDEX "resources_language_idx" ON "resources"  ("language") ');
    await queryRunner.query('CREATE INDEX "resources_city_idx" ON "resources"  ("city_id") ');
    await queryRunner.query(
      'CREATE INDEX "resources_city_country_idx" ON "resources"  ("city_country") ',
    );
    await queryRunner.query(
      'CREATE INDEX "resources_city_region_idx" ON "resources"  ("city_region") ',
    );
    await queryRunner.query('CREATE INDEX "resources_pairing_idx" ON "resources"  ("pairing_id") ');
    await queryRunner.query('CREATE INDEX "resources_author_idx" ON "resources"  ("author_id") ');
    await queryRunner.query(
      'CREATE INDEX "resources_deleted_idx" ON "resources"  ("deleted_at") WHERE "deleted_at" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "resources_status_updated_idx" ON "resources"  ("status", "updated_at") WHERE "deleted_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "resources_live_created_idx" ON "resources"  ("created_at", "id") WHERE "deleted_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "resource_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resource_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "changes" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9148b7c292fec83e0b3620f1982" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "resource_revisions_resource_created_idx" ON "resource_revisions"  ("resource_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "resource_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resource_id" uuid NOT NULL, "action" text NOT NULL, "status" text NOT NULL, "comment" text, "actor_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fc45cd2f120860b525a5a364a6d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "resource_reviews_resource_created_idx" ON "resource_reviews"  ("resource_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "plan_action_rows" ADD "inspired_by" uuid array NOT NULL DEFAULT \'{}\'',
    );
    await queryRunner.query('ALTER TABLE "notifications" ALTER COLUMN "pairing_id" DROP NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "resources" ADD CONSTRAINT "FK_bf013e9fbf2f095c4505e26681b" FOREIGN KEY ("city_id") REFERENCES "authorities"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "resources" ADD CONSTRAINT "FK_b5688282901b59fbe46f65e3172" FOREIGN KEY ("pairing_id") REFERENCES "pairings"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "resources" ADD CONSTRAINT "FK_785e45313a62f27921742e78628" FOREIGN KEY ("authority_id") REFERENCES "authorities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "resources" ADD CONSTRAINT "FK_85c20d7fca0e6d6f99cfe596ca6" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "resource_revisions" ADD CONSTRAINT "FK_b22554d932f3e764131704f41b6" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "resource_revisions" ADD CONSTRAINT "FK_5fa3ec23c2205e2770a09461477" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "resource_reviews" ADD CONSTRAINT "FK_f51ea61a140ca4560779efc7fb3" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "resource_reviews" ADD CONSTRAINT "FK_73c399d93fe3d6991a163b9e95e" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'CREATE INDEX "resources_themes_idx" ON "resources" USING gin ("themes")',
    );
    await queryRunner.query('CREATE INDEX "resources_sdgs_idx" ON "resources" USING gin ("sdgs")');
    await queryRunner.query(
      'CREATE INDEX "plan_action_rows_inspired_by_idx" ON "plan_action_rows" USING gin ("inspired_by")',
    );
  }

  async down(): Promise<void> {
    throw new Error('irreversible');
  }
}
