// GET /api/search as a persona: the parsed answer and its time.
export async function search(api, persona, q, { cursor, limit = 20 } = {}) {
  const params = new URLSearchParams({ q, limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
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
