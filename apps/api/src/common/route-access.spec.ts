/**
 * Every route the API declares, called without a session: which ones answer 401 and which are
 * public, and the permission each declares (@Requires, @SignedIn, @Public). The snapshot makes any
 * change of who-can-reach-what visible in review; a route that declares nothing fails. The drift
 * test keeps the committed OpenAPI document in step with the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { buildOpenApiDocument } from '../app.factory.js';
import { ROUTE_ACCESS, ROUTE_PAIRING_PARAM, type RouteAccess } from '../access/route-metadata.js';
import { IS_PUBLIC } from '../access/actor.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('route access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** What a route declares, found from its operation id (`Controller_method`). */
  function declared(operationId: string): string {
    const [controller, method] = operationId.split('_');
    const reflector = t.app.get(Reflector);
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new () => object) | null;
        if (type?.name !== controller) continue;
        const handler = (type.prototype as Record<string, () => unknown>)[method];
        if (reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [handler, type]))
          return 'public';
        const permission = reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
          handler,
          type,
        ]);
        const onPairing = reflector.get<string | undefined>(ROUTE_PAIRING_PARAM, handler);
        if (!permission) return 'NOTHING DECLARED';
        return onPairing ? `${permission} on pairing :${onPairing} (guard)` : permission;
      }
    }
    throw new Error(`No controller for ${operationId}`);
  }

  it('answers 401 without a session on every route but the public ones, and every route declares its permission', async () => {
    const document = buildOpenApiDocument(t.app);
    const outcome: Record<string, string> = {};
    const undeclared: string[] = [];
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations).filter((m) =>
        ['get', 'post', 'put', 'patch', 'delete'].includes(m),
      )) {
        const operationId = (operations as Record<string, { operationId: string }>)[method]
          .operationId;
        const permission = declared(operationId);
        if (permission === 'NOTHING DECLARED') undeclared.push(`${method.toUpperCase()} ${route}`);
        const url = route.replace(/\{[^}]+\}/g, SAMPLE_ID);
        const res = await fetch(`${t.url}${url}`, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          body: method === 'get' || method === 'delete' ? undefined : '{}',
        });
        const body = (await res.json().catch(() => null)) as {
          statusCode?: number;
          error?: string;
          message?: unknown;
          code?: string;
        } | null;
        // Whatever the status, the body has the error shape (or is a success body): never a stack.
        if (res.status >= 400)
          expect(body).toEqual({
            statusCode: res.status,
            error: expect.any(String),
            message: expect.anything(),
            code: expect.any(String),
          });
        const reached = res.status === 401 ? 'session required' : `public (${res.status})`;
        // A route reachable without a session must say so: @Public(), never by forgetting a guard.
        if ((res.status === 401) === (permission === 'public'))
          undeclared.push(`${method.toUpperCase()} ${route} (${reached}, ${permission})`);
        outcome[`${method.toUpperCase()} ${route}`] = `${reached} · ${permission}`;
      }
    }
    expect(undeclared).toEqual([]);
    expect(Object.keys(outcome).length).toBeGreaterThan(10);
    expect(outcome).toMatchSnapshot();
  });

  it('matches the committed OpenAPI document (run `npm run openapi` after changing routes)', () => {
    const file = path.resolve(import.meta.dirname, '../../openapi.json');
    const current = JSON.parse(JSON.stringify(buildOpenApiDocument(t.app))) as unknown;
    // `npm run openapi` sets UPDATE_OPENAPI to rewrite the committed document.
    if (process.env.UPDATE_OPENAPI === '1')
      writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
    expect(current).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
