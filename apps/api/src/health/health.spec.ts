import request from 'supertest';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { pendingSchemaChanges } from '../database/data-source.js';

describe('health and schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports the database as up', async () => {
    const res = await request(t.url).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', version: expect.any(String) });
  });

  it('migrations from empty produce exactly the schema the entities describe (no drift)', async () => {
    expect(await pendingSchemaChanges(t.dataSource)).toEqual([]);
  });

  it('answers unknown API paths with the error shape and no stack', async () => {
    const res = await request(t.url).get('/api/nope').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
      code: 'not_found',
    });
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await request(t.url)
      .post('/api/health')
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });
});
