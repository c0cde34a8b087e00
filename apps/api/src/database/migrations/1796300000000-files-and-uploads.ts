import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files module's tables (issue 23): `uploads` (one tus upload of one person, until it is
 * attached or expires) and `files` (a finished upload attached to a subject of another module,
 * with what extraction found in it).
 */
export class FilesAndUploads1796300000000 implements MigrationInterface {
  name = 'FilesAndUploads1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "uploads" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "filename" text NOT NULL, "declared_length" bigint NOT NULL, "status" text NOT NULL DEFAULT \'uploading\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "storage_key" text, "type" text, "size" bigint, "sha256" text, CONSTRAINT "PK_d1781d1eedd7459314f60f39bd3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "uploads_status_created_idx" ON "uploads"  ("status", "created_at")',
    );
    await queryRunner.query(
      'CREATE INDEX "uploads_user_status_idx" ON "uploads"  ("user_id", "status")',
    );
    await queryRunner.query(
      'CREATE TABLE "files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "upload_id" uuid, "uploader_id" uuid, "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "storage_key" text NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "size" bigint NOT NULL, "sha256" text NOT NULL, "status" text NOT NULL DEFAULT \'processing\', "pages" integer, "extracted_text" text, "excerpt" text, "preview_key" text, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "detached_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "files_upload_key" ON "files"  ("upload_id")');
    await queryRunner.query(
      'CREATE INDEX "files_subject_idx" ON "files"  ("subject_kind", "subject_id", "created_at")',
    );
    await queryRunner.query(
      'ALTER TABLE "uploads" ADD CONSTRAINT "FK_0155aad3e213584b446bf14a85b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "files" ADD CONSTRAINT "FK_a98a1719b48d7c1d6d1ad6744e8" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "files" ADD CONSTRAINT "FK_9a3333da0464320bdc44ca96cfb" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "files"');
    await queryRunner.query('DROP TABLE "uploads"');
  }
}
