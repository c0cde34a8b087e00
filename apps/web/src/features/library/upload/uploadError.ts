/** Why the server refused an upload, from tus's error: what the person is told. */

export type UploadRefusal =
  | { kind: 'too-large' }
  | { kind: 'type-refused'; message: string | null }
  | { kind: 'quota' }
  | { kind: 'session' }
  | { kind: 'network' }
  | { kind: 'other'; message: string | null };

interface ErrorLike {
  originalResponse?: { getStatus(): number; getBody(): string } | null;
}

/** The API's `message` from an error body, when it is JSON with one. */
function messageOf(body: string): string | null {
  try {
    const data = JSON.parse(body) as { message?: unknown };
    const m = Array.isArray(data.message) ? data.message.join('; ') : data.message;
    return typeof m === 'string' && m ? m.slice(0, 300) : null;
  } catch {
    return body && body.length < 300 && !body.trimStart().startsWith('<') ? body : null;
  }
}

export function uploadRefusal(error: unknown): UploadRefusal {
  const response = (error as ErrorLike | null)?.originalResponse ?? null;
  if (!response) return { kind: 'network' };
  const status = response.getStatus();
  const message = messageOf(response.getBody() ?? '');
  if (status === 0) return { kind: 'network' };
  if (status === 413) return { kind: 'too-large' };
  if (status === 415 || status === 422) return { kind: 'type-refused', message };
  if (status === 429) return { kind: 'quota' };
  if (status === 401 || status === 403) return { kind: 'session' };
  return { kind: 'other', message };
}
