import request from 'supertest';
import type {
  DemoAccountDto,
  MeResponse,
  PairingSummaryDto,
  ResourceDto,
  ResourceListDto,
  ResourceSummaryDto,
} from '@iuc/domain';
import { eventually } from '../test/plan-fixture.js';
import { LibraryStarter } from './library-starter.js';
import { DEMO_LIBRARY } from './library-starter-items.js';
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

describe('the demo library', () => {
  let t: TestApp;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ IUC_DEMO: '1' });
  });
  afterAll(() => t.close());

  async function as(localPart: string) {
    if (!tokens.has(localPart))
      tokens.set(
        localPart,
        (await login(t.url, `${localPart}@demo.iuc.test`, t.config.demoPassword)).token,
      );
    return { Authorization: `Bearer ${tokens.get(localPart)}` };
  }
  const titles = async (who: string) =>
    (
      (
        await request(t.url)
          .get('/api/resources?limit=50')
          .set(await as(who))
          .expect(200)
      ).body as ResourceListDto
    ).items
      .map((i) => i.title)
      .sort();
  const item = (key: string) => DEMO_LIBRARY.find((i) => i.key === key)!;

  it('shows each item to whom its scope and review allow, in five languages and more', async () => {
    const published = DEMO_LIBRARY.filter((i) => i.review === 'published').map((i) => i.title);
    expect(new Set(DEMO_LIBRARY.map((i) => i.language))).toEqual(
      new Set(['en', 'es', 'it', 'zh', 'ja', 'de']),
    );
    // Madrid's coordinator is in none of the items' pairings: the published items only.
    expect(await titles('coordinator.madrid')).toEqual([...published].sort());
    // Austin's partner sees the pairing's toolkit; Hamburg's team its own draft.
    expect(await titles('coordinator.bologna')).toEqual(
      [...published, item('austin-resilience-hubs').title].sort(),
    );
    expect(await titles('coordinator.hamburg')).toContain(item('hamburg-draft-cooling').title);
    expect(await titles('coordinator.guadalajara')).not.toContain(
      item('hamburg-draft-cooling').title,
    );
    // Torino's practice waits for the officer.
    const queue: ResourceSummaryDto[] = (
      await request(t.url)
        .get('/api/resources/review-queue')
        .set(await as('officer'))
        .expect(200)
    ).body;
    expect(queue.map((i) => i.title)).toEqual([item('torino-commons-pacts').title]);
  });

  it('reads the demo files: the featured practice’s report has its text and a preview', async () => {
    const list: ResourceListDto = (
      await request(t.url)
        .get('/api/resources?featured=true')
        .set(await as('coordinator.madrid'))
        .expect(200)
    ).body;
    expect(list.items.map((i) => i.title)).toEqual([item('bologna-circular-procurement').title]);
    const read: ResourceDto = await eventually(
      async () =>
        (
          await request(t.url)
            .get(`/api/resources/${list.items[0].id}`)
            .set(await as('coordinator.madrid'))
            .expect(200)
        ).body,
      (got: ResourceDto) => got.files.every((f) => f.status !== 'processing'),
      'the demo files to be read',
      120_000,
    );
    expect(read.files.map((f) => [f.name, f.status])).toEqual([
      ['circular-procurement-report.pdf', 'ready'],
      ['award-criteria-template.docx', 'ready'],
      ['recycled-aggregates-site.png', 'ready'],
    ]);
    expect(read.files[0]).toMatchObject({ pages: 3, hasPreview: true });
    expect(read.files[0].excerpt).toContain('Circular procurement for public works');
    expect(read.files[2].hasPreview).toBe(true);
  });

  it('writes each item once: a second start adds nothing', async () => {
    const before = await titles('officer');
    await t.app.get(LibraryStarter).write(DEMO_LIBRARY);
    expect(await titles('officer')).toEqual(before);
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
