/**
 * Every route the API declares, called without a session: which ones answer 401 and which are
 * public. The snapshot makes any change of who-can-reach-what visible in review; the drift test
 * keeps the committed OpenAPI document in step with the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../app.factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('route access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 401 without a session on every route but the public ones', async () => {
    const document = buildOpenApiDocument(t.app);
    const outcome: Record<string, string> = {};
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
        const url = route.replace(/\{[^}]+\}/g, SAMPLE_ID);
        const res = await fetch(`${t.url}${url}`, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          body: method === 'get' || method === 'delete' ? undefined : '{}',
        });
        const body = (await res.json().catch(() => null)) as { statusCode?: number; error?: string; message?: unknown; code?: string } | null;
        // Whatever the status, the body has the error shape (or is a success body): never a stack.
        if (res.status >= 400)
          expect(body).toEqual({ statusCode: res.status, error: expect.any(String), message: expect.anything(), code: expect.any(String) });
        outcome[`${method.toUpperCase()} ${route}`] = res.status === 401 ? 'session required' : `public (${res.status})`;
      }
    }
    expect(Object.keys(outcome).length).toBeGreaterThan(10);
    expect(outcome).toMatchSnapshot();
  });

  it('matches the committed OpenAPI document (run `npm run openapi` after changing routes)', () => {
    const file = path.resolve(import.meta.dirname, '../../openapi.json');
    const current = JSON.parse(JSON.stringify(buildOpenApiDocument(t.app))) as unknown;
    // `npm run openapi` sets UPDATE_OPENAPI to rewrite the committed document.
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
    expect(current).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
