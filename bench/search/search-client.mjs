// GET /api/search as a persona: the parsed answer and its time. The results page asks for a page
// of 20 with facets (the default); the header's suggestions for 6 without (`facets: false`).
export async function search(api, persona, q, { cursor, limit = 20, facets = true } = {}) {
  const params = new URLSearchParams({ q, limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  if (!facets) params.set('facets', 'false');
  const started = performance.now();
  const res = await fetch(`${api}/api/search?${params}`, {
    headers: { Authorization: `Bearer ${persona.nextToken()}` },
  });
  const body = await res.json().catch(() => null);
  const ms = performance.now() - started;
  if (res.status !== 200)
    throw new Error(`search "${q}" answered ${res.status}: ${JSON.stringify(body)}`);
  return { body, ms };
}
