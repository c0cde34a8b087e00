import request from 'supertest';
import type { PairingDetailDto, PairingSummaryDto } from '@iuc/domain';
import { seedDemo } from '../demo/seed/demo-seed.js';
import { login, type LoggedIn } from '../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('pairings routes (demo seed)', () => {
  let t: TestApp;
  let as: Record<
    'officer' | 'malagaCoordinator' | 'malagaViewer' | 'jingyueCoordinator' | 'torinoCoordinator',
    LoggedIn
  >;
  let all: PairingSummaryDto[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.dataSource, t.config);
    const signIn = (email: string) => login(t.url, email, t.config.demoPassword);
    const [officer, malagaCoordinator, malagaViewer, jingyueCoordinator, torinoCoordinator] =
      await Promise.all([
        signIn('officer@demo.iuc.test'),
        signIn('coordinator.malaga@demo.iuc.test'),
        signIn('viewer.malaga-jingyue@demo.iuc.test'),
        signIn('coordinator.jingyue@demo.iuc.test'),
        signIn('coordinator.torino@demo.iuc.test'),
      ]);
    as = { officer, malagaCoordinator, malagaViewer, jingyueCoordinator, torinoCoordinator };
    all = await list({});
  });
  afterAll(() => t.close());

  const get = (path: string, who: LoggedIn = as.officer) =>
    request(t.url).get(path).set('Authorization', `Bearer ${who.token}`);
  async function list(query: Record<string, string>): Promise<PairingSummaryDto[]> {
    const res = await get(`/api/pairings?${new URLSearchParams(query)}`).expect(200);
    return res.body;
  }
  const titles = (pairings: PairingSummaryDto[]) => pairings.map((p) => p.title).sort();
  const titled = (title: string) => {
    const found = all.find((p) => p.title === title);
    if (!found) throw new Error(`no pairing titled ${title}`);
    return found;
  };
  const detail = async (id: string, who: LoggedIn = as.officer): Promise<PairingDetailDto> =>
    (await get(`/api/pairings/${id}`, who).expect(200)).body;

  describe('GET /api/pairings', () => {
    it('lists the 23 pairings by call then title, each titled "EU names – partner names"', () => {
      expect(all).toHaveLength(23);
      expect(all.map((p) => p.callCode)).toEqual([
        ...Array(18).fill('2017'),
        ...Array(5).fill('2018-US'),
      ]);
      expect(all.slice(0, 3).map((p) => p.title)).toEqual([
        'Agii Anargiri-Kamatero – Zhengzhou',
        'Albacete – Río Grande',
        'Almada – Belo Horizonte',
      ]);
      expect(titles(all)).toEqual(
        expect.arrayContaining([
          'Málaga – Jingyue',
          'Belfast – Medellín, Santiago de Cali',
          'Graz, Steirischer Zentralraum – Ibagué',
        ]),
      );
    });

    it('answers the summary shape, with the end of the term when the start is known', () => {
      expect(titled('Metropolitan City of Bologna – Austin')).toEqual({
        id: expect.any(String),
        title: 'Metropolitan City of Bologna – Austin',
        callCode: '2017',
        themes: ['circular-economy', 'climate-adaptation'],
        status: 'active',
        region: 'north-america',
        startDate: '2017-12-01',
        termMonths: 18,
        endDate: '2019-06-01',
        eu: [{ id: expect.any(String), name: 'Metropolitan City of Bologna', countryIso: 'IT' }],
        partner: [{ id: expect.any(String), name: 'Austin', countryIso: 'US' }],
      });
      expect(titled('Hamburg – Metropolitan Area of Guadalajara')).toMatchObject({
        startDate: null,
        endDate: null,
        themes: [],
      });
    });

    it('filters by partner region: asia gives the 4 Asian pairings', async () => {
      expect(titles(await list({ region: 'asia' }))).toEqual([
        'Agii Anargiri-Kamatero – Zhengzhou',
        'Donostia-San Sebastián – Hirosaki',
        'Málaga – Jingyue',
        'Prague – Longyan',
      ]);
      const lac = await list({ region: 'latin-america-caribbean' });
      expect(lac).toHaveLength(12);
      expect(lac.every((p) => p.region === 'latin-america-caribbean')).toBe(true);
    });

    it('filters by call: 2018-US gives the 5 EU–US pairings', async () => {
      expect(titles(await list({ call: '2018-US' }))).toEqual([
        'Barcelona – New York City',
        'Lyon – Boston',
        'Torino – Baltimore',
        'Varna – Santa Monica',
        'Vila Nova de Famalicão – Fort Collins',
      ]);
    });

    it('filters by a country on either side, in either case', async () => {
      expect(titles(await list({ country: 'CO' }))).toEqual([
        'Belfast – Medellín, Santiago de Cali',
        'Graz, Steirischer Zentralraum – Ibagué',
      ]);
      expect(titles(await list({ country: 'it' }))).toEqual([
        'Metropolitan City of Bologna – Austin',
        'Pordenone – Benedito Novo',
        'Torino – Baltimore',
        'Torino – Consórcio ABC',
      ]);
    });

    it('filters by theme', async () => {
      expect(titles(await list({ theme: 'urban-mobility' }))).toEqual([
        'Málaga – Jingyue',
        'Varna – Santa Monica',
        'Vila Nova de Famalicão – Fort Collins',
      ]);
      expect(await list({ theme: 'air-quality' })).toEqual([]);
    });

    it('matches text on names, local names and aliases, whatever the accents and case', async () => {
      for (const text of ['malaga', 'MÁLAGA', ' Malag ', '净月', 'changchun'])
        expect(titles(await list({ text }))).toEqual(['Málaga – Jingyue']);
      expect(titles(await list({ text: 'turin' }))).toEqual([
        'Torino – Baltimore',
        'Torino – Consórcio ABC',
      ]);
      expect(titles(await list({ text: 'torino' }))).toEqual([
        'Torino – Baltimore',
        'Torino – Consórcio ABC',
      ]);
      expect(titles(await list({ text: 'cali' }))).toEqual([
        'Belfast – Medellín, Santiago de Cali',
      ]);
      expect(titles(await list({ text: 'praha' }))).toEqual(['Prague – Longyan']);
      expect(await list({ text: 'atlantis' })).toEqual([]);
      expect(await list({ text: '  ' })).toHaveLength(23);
    });

    it('combines filters', async () => {
      expect(
        titles(await list({ call: '2017', country: 'IT', region: 'latin-america-caribbean' })),
      ).toEqual(['Pordenone – Benedito Novo', 'Torino – Consórcio ABC']);
    });

    it.each([
      ['region=mars', 'region'],
      ['country=XX', 'country'],
      ['country=ITA', 'country'],
      ['call=1999', 'call'],
      ['theme=tourism', 'theme'],
      [`text=${'a'.repeat(101)}`, 'text'],
      ['sort=title', 'sort'],
    ])('refuses %s with 400 naming the parameter', async (query, parameter) => {
      const res = await get(`/api/pairings?${query}`).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: [expect.stringContaining(parameter)],
        code: 'invalid',
      });
    });
  });

  describe('the data quirks', () => {
    it("Belfast's pairing has two partner authorities on one side", async () => {
      const pairing = await detail(titled('Belfast – Medellín, Santiago de Cali').id);
      const partner = pairing.sides.find((s) => s.side === 'partner')!;
      expect(partner.authorities.map((a) => a.name)).toEqual(['Medellín', 'Santiago de Cali']);
      expect(partner.group).toBeNull();
      expect(pairing.notes).toBe('two partner cities in one pairing');
    });

    it('Torino and Turin are one authority in two pairings', async () => {
      const [withAbc, withBaltimore] = [
        titled('Torino – Consórcio ABC'),
        titled('Torino – Baltimore'),
      ];
      expect(withAbc.callCode).toBe('2017');
      expect(withBaltimore.callCode).toBe('2018-US');
      expect(withAbc.eu[0].id).toBe(withBaltimore.eu[0].id);
      expect((await detail(withBaltimore.id)).notes).toBe(
        'Turin = Torino (second pairing of the same city)',
      );
    });

    it("Graz's pairing has a municipality group on its EU side: Graz leads, central Styria supports", async () => {
      const pairing = await detail(titled('Graz, Steirischer Zentralraum – Ibagué').id);
      const eu = pairing.sides.find((s) => s.side === 'eu')!;
      expect(eu.authorities.map((a) => [a.name, a.kind])).toEqual([
        ['Graz', 'municipality'],
        ['Steirischer Zentralraum', 'region'],
      ]);
      expect(eu.group).toEqual({
        id: expect.any(String),
        name: 'Graz and Steirischer Zentralraum',
        lead: { id: eu.authorities[0].id, name: 'Graz', countryIso: 'AT' },
        members: eu.authorities.map((a) => ({ id: a.id, name: a.name, countryIso: a.countryIso })),
        // Graz has 303,270 inhabitants; no source states the region's, so the sum is unknown.
        combinedPopulation: null,
        coordinatingBody: 'Regionalmanagement Steirischer Zentralraum',
      });
      expect(pairing).toMatchObject({ startDate: '2017-09-01', endDate: '2019-03-01' });
    });

    it('Jingyue is a development zone inside Changchun', async () => {
      const pairing = await detail(titled('Málaga – Jingyue').id);
      const [jingyue] = pairing.sides.find((s) => s.side === 'partner')!.authorities;
      expect(jingyue).toMatchObject({
        name: 'Jingyue',
        localName: '净月',
        kind: 'development_zone',
        parent: { name: 'Changchun', countryIso: 'CN' },
        population: null,
      });
    });

    it('every pairing has a coordinator for each authority of each side, and a viewer', async () => {
      for (const summary of all) {
        const pairing = await detail(summary.id);
        const sideAuthorities = pairing.sides.flatMap((s) => s.authorities.map((a) => a.id)).sort();
        const coordinators = pairing.members.filter((m) => m.role === 'coordinator');
        expect(coordinators.map((m) => m.authorityId).sort()).toEqual(sideAuthorities);
        expect(pairing.members.filter((m) => m.role === 'viewer')).toEqual([
          expect.objectContaining({ authorityId: null }),
        ]);
      }
    });
  });

  describe('GET /api/pairings/:id', () => {
    it('answers the detail shape: sides with full authorities, members, notes and the permissions of the caller', async () => {
      const id = titled('Málaga – Jingyue').id;
      const pairing = await detail(id, as.malagaCoordinator);
      expect(pairing).toMatchObject({
        id,
        title: 'Málaga – Jingyue',
        description: 'Sustainable urban mobility planning (SUMP) and cycling.',
        notes: 'partner is a district of Changchun',
        permissions: { invite: true, manage: false, grantableRoles: ['editor', 'viewer'] },
      });
      expect(pairing.sides.map((s) => s.side)).toEqual(['eu', 'partner']);
      expect(pairing.sides[0]).toEqual({
        side: 'eu',
        group: null,
        authorities: [
          {
            id: expect.any(String),
            name: 'Málaga',
            countryIso: 'ES',
            localName: 'Málaga',
            kind: 'municipality',
            parent: null,
            worldRegion: 'europe',
            population: {
              value: 569000,
              year: null,
              scope: 'city',
              source: 'iuc-asia.eu/cities-2',
            },
            languages: ['es'],
            timeZone: 'Europe/Madrid',
            geo: { lat: expect.any(Number), lon: expect.any(Number) },
          },
        ],
      });
      expect(pairing.members).toEqual([
        {
          userId: expect.any(String),
          name: 'Lucía Ortega (Málaga)',
          email: 'coordinator.malaga@demo.iuc.test',
          role: 'coordinator',
          authorityId: pairing.sides[0].authorities[0].id,
        },
        {
          userId: expect.any(String),
          name: 'Wang Li (Jingyue)',
          email: 'coordinator.jingyue@demo.iuc.test',
          role: 'coordinator',
          authorityId: pairing.sides[1].authorities[0].id,
        },
        {
          userId: expect.any(String),
          name: 'Javier Morales (Málaga)',
          email: 'editor.malaga@demo.iuc.test',
          role: 'editor',
          authorityId: pairing.sides[0].authorities[0].id,
        },
        {
          userId: expect.any(String),
          name: 'Stakeholder (Málaga – Jingyue)',
          email: 'viewer.malaga-jingyue@demo.iuc.test',
          role: 'viewer',
          authorityId: null,
        },
      ]);
    });

    it("shows members' emails to the pairing's members and to officers, and hides them from a coordinator of another pairing", async () => {
      const id = titled('Málaga – Jingyue').id;
      for (const who of [
        as.malagaCoordinator,
        as.jingyueCoordinator,
        as.malagaViewer,
        as.officer,
      ]) {
        expect((await detail(id, who)).members.every((m) => m.email !== null)).toBe(true);
      }
      const outsider = await detail(id, as.torinoCoordinator);
      expect(outsider.members).toHaveLength(4);
      expect(outsider.members.map((m) => m.email)).toEqual([null, null, null, null]);
      expect(JSON.stringify(outsider)).not.toContain('@demo.iuc.test');
    });

    it('tells each caller what they may do there', async () => {
      const id = titled('Málaga – Jingyue').id;
      expect((await detail(id, as.officer)).permissions).toEqual({
        invite: true,
        manage: true,
        grantableRoles: ['coordinator', 'editor', 'viewer'],
      });
      expect((await detail(id, as.malagaViewer)).permissions).toEqual({
        invite: false,
        manage: false,
        grantableRoles: [],
      });
      expect((await detail(id, as.torinoCoordinator)).permissions).toEqual({
        invite: false,
        manage: false,
        grantableRoles: [],
      });
      expect(
        (await detail(titled('Torino – Baltimore').id, as.torinoCoordinator)).permissions,
      ).toEqual({ invite: true, manage: false, grantableRoles: ['editor', 'viewer'] });
    });

    it('answers 404 in the error shape for an unknown id and for one that is not a uuid', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'malaga-jingyue', '1']) {
        const res = await get(`/api/pairings/${id}`).expect(404);
        expect(res.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: 'Pairing not found.',
          code: 'not_found',
        });
      }
    });
  });

  it('answers 401 without a session, and with an unknown token', async () => {
    const id = all[0].id;
    for (const path of ['/api/pairings', `/api/pairings/${id}`]) {
      await request(t.url).get(path).expect(401);
      await request(t.url).get(path).set('Authorization', 'Bearer not-a-session').expect(401);
    }
  });
});
