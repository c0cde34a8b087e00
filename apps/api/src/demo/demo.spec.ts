import request from 'supertest';
import type { DemoAccountDto, MeResponse, PairingSummaryDto } from '@iuc/domain';
import { login } from '../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('GET /api/demo/accounts in demo mode', () => {
  let t: TestApp;
  let accounts: DemoAccountDto[];

  beforeAll(async () => {
    // Demo mode seeds at boot.
    t = await startTestApp({ IUC_DEMO: '1' });
    accounts = (await request(t.url).get('/api/demo/accounts').expect(200)).body;
  });
  afterAll(() => t.close());

  const account = (email: string) => {
    const found = accounts.find((a) => a.email === email);
    if (!found) throw new Error(`no demo account ${email}`);
    return found;
  };

  it('lists the admin, the officer, 47 coordinators, an editor and 23 viewers, without a session', () => {
    expect(accounts).toHaveLength(73);
    expect(accounts.slice(0, 2)).toEqual([
      {
        email: 'admin@demo.iuc.test',
        name: expect.any(String),
        role: 'admin',
        authority: null,
        pairingIds: [],
      },
      {
        email: 'officer@demo.iuc.test',
        name: expect.any(String),
        role: 'officer',
        authority: null,
        pairingIds: [],
      },
    ]);
    expect(accounts.filter((a) => a.role === 'coordinator')).toHaveLength(47);
    expect(accounts.filter((a) => a.role === 'editor')).toHaveLength(1);
    expect(accounts.filter((a) => a.role === 'viewer')).toHaveLength(23);
    expect(new Set(accounts.map((a) => a.email)).size).toBe(73);
  });

  it("names each coordinator's authority and pairings; Torino's coordinator is on both of Torino's pairings", async () => {
    const { token } = await login(t.url, 'admin@demo.iuc.test', t.config.demoPassword);
    const pairings: PairingSummaryDto[] = (
      await request(t.url).get('/api/pairings').set('Authorization', `Bearer ${token}`).expect(200)
    ).body;
    const idOf = (title: string) => pairings.find((p) => p.title === title)?.id;

    expect(account('coordinator.malaga@demo.iuc.test')).toEqual({
      email: 'coordinator.malaga@demo.iuc.test',
      name: 'Lucía Ortega (Málaga)',
      role: 'coordinator',
      authority: 'Málaga',
      pairingIds: [idOf('Málaga – Jingyue')],
    });
    expect(account('coordinator.torino@demo.iuc.test').pairingIds.sort()).toEqual(
      [idOf('Torino – Consórcio ABC'), idOf('Torino – Baltimore')].sort(),
    );
    expect(account('viewer.malaga-jingyue@demo.iuc.test')).toMatchObject({
      role: 'viewer',
      authority: null,
      pairingIds: [idOf('Málaga – Jingyue')],
    });
    expect(account('coordinator.santiago-de-cali@demo.iuc.test')).toMatchObject({
      authority: 'Santiago de Cali',
      pairingIds: [idOf('Belfast – Medellín, Santiago de Cali')],
    });
  });

  it('lists accounts that sign in with the demo password and hold the listed memberships', async () => {
    for (const email of [
      'officer@demo.iuc.test',
      'coordinator.torino@demo.iuc.test',
      'viewer.graz-ibague@demo.iuc.test',
    ]) {
      const listed = account(email);
      const { token } = await login(t.url, email, t.config.demoPassword);
      const me: MeResponse = (
        await request(t.url).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200)
      ).body;
      expect(me.user.programmeRole ?? me.user.memberships[0]?.role).toBe(listed.role);
      expect(me.user.memberships.map((m) => m.pairingId).sort()).toEqual(
        [...listed.pairingIds].sort(),
      );
    }
  });
});

describe('GET /api/demo/accounts with demo mode off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 404 in the error shape', async () => {
    expect(t.config.demo).toBe(false);
    const res = await request(t.url).get('/api/demo/accounts').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
      code: 'not_found',
    });
  });
});
