/** The `@name` being typed at the caret, and putting a chosen handle in its place. */

export interface MentionQuery {
  /** Where the `@` is. */
  start: number;
  /** What follows it up to the caret (may be empty). */
  query: string;
}

// An @ at the start or after anything but a letter, digit, dot or @ (not an e-mail address).
const AT_CARET = /(?:^|[^\p{L}\p{N}._@])@([\p{L}\p{N}._-]{0,40})$/u;

export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const match = AT_CARET.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1];
  return { start: caret - query.length - 1, query };
}

export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  handle: string,
): { text: string; caret: number } {
  const inserted = `@${handle} `;
  const after = text.slice(caret).replace(/^ /, '');
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length,
  };
}

/** UTF-8 size of a message body (the server's limit is in bytes). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
