/**
 * Every REST error names its kind in `code`, also when it was thrown without one: clients branch
 * on the code, never on the message's words.
 */
import request from 'supertest';
import { API_ERROR_CODES, genericErrorCode } from '@iuc/domain';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('error codes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives an exception thrown without a code the generic code of its status', async () => {
    const unknown = await request(t.url).get('/api/nope').expect(404);
    expect(unknown.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
      code: 'not_found',
    });
    const signedOut = await request(t.url).get('/api/me').expect(401);
    expect(signedOut.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
  });

  it('answers a validation failure with code invalid beside the message per field', async () => {
    const res = await request(t.url)
      .post('/api/auth/login')
      .send({ email: 'ana@example.org', extra: 1 })
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.arrayContaining(['property extra should not exist']),
      code: 'invalid',
    });
  });

  it('gives body-parser refusals a code too', async () => {
    const malformed = await request(t.url)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'invalid' });
    const huge = await request(t.url)
      .post('/api/auth/login')
      .send({ email: 'x'.repeat(2_000_000) });
    expect(huge.body).toMatchObject({ statusCode: 413, code: 'too_large' });
  });

  it('maps every status to a listed code, 5xx it does not know to internal', () => {
    for (const status of [400, 401, 402, 403, 404, 405, 409, 413, 418, 422, 429, 500, 502, 503])
      expect(API_ERROR_CODES).toContain(genericErrorCode(status));
    expect([genericErrorCode(418), genericErrorCode(502), genericErrorCode(503)]).toEqual([
      'refused',
      'internal',
      'unavailable',
    ]);
  });
});
