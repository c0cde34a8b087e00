/**
 * Library items linked from text (a discussion message): `/library/<uuid>`, relative or absolute
 * (any host: a link copied from another deployment's address bar still names the item, and the
 * API decides whether the reader may see it).
 */
const LINK =
  /(?:^|[\s(<[\]"'`]|https?:\/\/[^\s/]+)\/library\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-z-])/gi;

/** The item ids linked in `text`, each once, in order of appearance; at most `max`. */
export function libraryLinkIds(text: string, max = 3): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(LINK)) {
    const id = match[1].toLowerCase();
    if (!ids.includes(id)) ids.push(id);
    if (ids.length >= max) break;
  }
  return ids;
}

/** The item page's address. */
export const resourcePath = (id: string) => `/library/${id}`;
