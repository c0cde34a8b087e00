/** A problem with the embedded PostgreSQL that one line can explain: main prints it without a stack. */
export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}
