import type { MigrationInterface, QueryRunner } from 'typeorm';

const STEMMED = [
  ['iuc_en', 'english'],
  ['iuc_es', 'spanish'],
  ['iuc_pt', 'portuguese'],
  ['iuc_fr', 'french'],
  ['iuc_it', 'italian'],
  ['iuc_de', 'german'],
] as const;

/**
 * Search (issue 24): `unaccent` and `pg_trgm`; a text search configuration per language that
 * drops accents before the language's snowball stemmer (`unaccent()` itself is not immutable, a
 * configuration is), and `iuc_simple` (accents dropped, no stemming) for everything else; the
 * index table the search module owns, with one vector for the words of the European languages, one
 * of CJK bigrams and characters (built in Node: PostgreSQL has no zh/ja parser), and a small one of
 * the title and summary alone, which ranks (reading the big ones for every match is what is slow).
 */
export class Search1796500000000 implements MigrationInterface {
  name = 'Search1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    for (const [name, language] of [...STEMMED, ['iuc_simple', 'simple'] as const]) {
      const stem = language === 'simple' ? 'simple' : `${language}_stem`;
      await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${language})`);
      await queryRunner.query(
        `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stem}`,
      );
    }
    await queryRunner.query(
      `CREATE TABLE "search_documents" (
        "kind" text NOT NULL, "id" text NOT NULL,
        "subject" text NOT NULL, "subject_id" text NOT NULL,
        "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "body" text NOT NULL DEFAULT '',
        "language" text, "config" regconfig NOT NULL,
        "audience" text NOT NULL, "pairing_ids" uuid array NOT NULL DEFAULT '{}', "side" text,
        "authority_id" uuid, "author_id" uuid,
        "themes" text array NOT NULL DEFAULT '{}', "sdgs" smallint array NOT NULL DEFAULT '{}',
        "country" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "url" text NOT NULL, "context" text,
        "words" tsvector NOT NULL, "cjk" tsvector NOT NULL, "head" tsvector NOT NULL,
        "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "search_documents_pkey" PRIMARY KEY ("kind", "id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "search_documents_words_idx" ON "search_documents" USING gin ("words")',
    );
    await queryRunner.query(
      'CREATE INDEX "search_documents_cjk_idx" ON "search_documents" USING gin ("cjk")',
    );
    await queryRunner.query(
      'CREATE INDEX "search_documents_subject_idx" ON "search_documents" ("subject", "subject_id")',
    );
    // Who may see: a narrow superset of each person's rows, so a member's search reads few rows.
    await queryRunner.query(
      'CREATE INDEX "search_documents_pairings_idx" ON "search_documents" USING gin ("pairing_ids")',
    );
    await queryRunner.query(
      `CREATE INDEX "search_documents_everyone_idx" ON "search_documents" ("kind") WHERE "audience" = 'everyone'`,
    );
    await queryRunner.query(
      'CREATE INDEX "search_documents_author_idx" ON "search_documents" ("author_id") WHERE "author_id" IS NOT NULL',
    );
    // The catch-up at start reads the last write.
    await queryRunner.query(
      'CREATE INDEX "search_documents_indexed_idx" ON "search_documents" ("indexed_at")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "search_documents"');
    for (const [name] of [...STEMMED, ['iuc_simple']]) {
      await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
    }
  }
}
