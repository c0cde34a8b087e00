import request from 'supertest';
import type { AuthorityDto, MunicipalityGroupDto, Verdict } from '@iuc/domain';
import { seedDemo } from '../demo/seed/demo-seed.js';
import { login, type LoggedIn } from '../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { foldText } from './name-search.js';

describe('foldText', () => {
  it('drops case and accents but keeps other scripts', () => {
    expect(
      ['Málaga', 'MÉRIDA', 'São Leopoldo', 'Ibagué', 'Río', '长春', 'Καματερό'].map(foldText),
    ).toEqual(['malaga', 'merida', 'sao leopoldo', 'ibague', 'rio', '长春', 'καματερο']);
  });
});

describe('directory routes (demo seed)', () => {
  let t: TestApp;
  let viewer: LoggedIn;
  let authorities: AuthorityDto[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.dataSource, t.config);
    // The directory is open to every signed-in person: the least privileged account will do.
    viewer = await login(t.url, 'viewer.varna-santa-monica@demo.iuc.test', t.config.demoPassword);
    authorities = (await get('/api/authorities').expect(200)).body;
  });
  afterAll(() => t.close());

  const get = (path: string) =>
    request(t.url).get(path).set('Authorization', `Bearer ${viewer.token}`);
  const idOf = (name: string) => {
    const found = authorities.find((a) => a.name === name);
    if (!found) throw new Error(`no authority named ${name}`);
    return found.id;
  };
  const names = (list: { name: string }[]) => list.map((a) => a.name);

  describe('GET /api/authorities', () => {
    it('lists every authority of the seed, sorted by name whatever the accents', () => {
      expect(authorities).toHaveLength(48);
      const sorted = [...names(authorities)].sort(
        new Intl.Collator('en', { sensitivity: 'base' }).compare,
      );
      expect(names(authorities)).toEqual(sorted);
      // Málaga sorts among the M's, not after Z as a byte-wise sort would put it.
      expect(names(authorities).indexOf('Málaga')).toBeLessThan(
        names(authorities).indexOf('Medellín'),
      );
    });

    it('filters by country (either case) and by world region', async () => {
      expect(names((await get('/api/authorities?country=co').expect(200)).body)).toEqual([
        'Ibagué',
        'Medellín',
        'Santiago de Cali',
      ]);
      expect(names((await get('/api/authorities?region=asia').expect(200)).body)).toEqual([
        'Changchun',
        'Hirosaki',
        'Jingyue',
        'Longyan',
        'Zhengzhou',
      ]);
      expect(
        names((await get('/api/authorities?region=europe&country=AT').expect(200)).body),
      ).toEqual(['Graz', 'Steirischer Zentralraum']);
    });

    it('refuses an unknown region or country with 400', async () => {
      for (const query of ['region=antarctica', 'country=XX', 'country=', 'population=1']) {
        const res = await get(`/api/authorities?${query}`).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
    });
  });

  describe('GET /api/authorities/:id', () => {
    it('answers one authority with its parent, local name and sourced population', async () => {
      expect((await get(`/api/authorities/${idOf('Jingyue')}`).expect(200)).body).toEqual({
        id: idOf('Jingyue'),
        name: 'Jingyue',
        countryIso: 'CN',
        localName: '净月',
        kind: 'development_zone',
        parent: { id: idOf('Changchun'), name: 'Changchun', countryIso: 'CN' },
        worldRegion: 'asia',
        population: null,
        languages: ['zh'],
        timeZone: 'Asia/Shanghai',
        geo: { lat: expect.any(Number), lon: expect.any(Number) },
      });
      expect(
        (await get(`/api/authorities/${idOf('Metropolitan Area of Guadalajara')}`).expect(200))
          .body,
      ).toMatchObject({
        kind: 'metro_area',
        population: { value: 4_796_603, year: 2015, scope: 'metro', source: expect.any(String) },
      });
    });

    it('answers 404 for an unknown id and for one that is not a uuid', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'torino']) {
        expect((await get(`/api/authorities/${id}`).expect(404)).body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: 'Authority not found.',
          code: 'not_found',
        });
      }
    });
  });

  describe('GET /api/municipality-groups', () => {
    it('lists the Graz group: Graz leads, and the combined population is unknown while the region’s is', async () => {
      const groups: MunicipalityGroupDto[] = (await get('/api/municipality-groups').expect(200))
        .body;
      expect(groups).toEqual([
        {
          id: expect.any(String),
          name: 'Graz and Steirischer Zentralraum',
          lead: { id: idOf('Graz'), name: 'Graz', countryIso: 'AT' },
          members: [
            { id: idOf('Graz'), name: 'Graz', countryIso: 'AT' },
            {
              id: idOf('Steirischer Zentralraum'),
              name: 'Steirischer Zentralraum',
              countryIso: 'AT',
            },
          ],
          combinedPopulation: null,
          coordinatingBody: 'Regionalmanagement Steirischer Zentralraum',
        },
      ]);
    });

    it('derives the combined population when every member has one', async () => {
      const [{ id: groupId }] = await t.dataSource.query(
        "INSERT INTO municipality_groups (slug, name, lead_authority_id) VALUES ('test-colombia', 'Colombian test group', $1) RETURNING id",
        [idOf('Medellín')],
      );
      await t.dataSource.query(
        'INSERT INTO municipality_group_members (group_id, authority_id) VALUES ($1, $2), ($1, $3)',
        [groupId, idOf('Medellín'), idOf('Ibagué')],
      );
      try {
        const groups: MunicipalityGroupDto[] = (await get('/api/municipality-groups').expect(200))
          .body;
        expect(groups.find((g) => g.id === groupId)).toMatchObject({
          combinedPopulation: 2_508_452 + 529_635,
          lead: { name: 'Medellín' },
        });
      } finally {
        await t.dataSource.query('DELETE FROM municipality_groups WHERE id = $1', [groupId]);
      }
    });
  });

  describe('eligibility', () => {
    const verdict = async (path: string): Promise<Verdict> => (await get(path).expect(200)).body;
    const codes = (v: Verdict) => v.reasons.map((r) => [r.code, r.met]);

    it('judges an EU authority on the threshold of the call', async () => {
      const v = await verdict(`/api/authorities/${idOf('Málaga')}/eligibility?call=2017&side=eu`);
      expect(v.eligible).toBe(true);
      expect(codes(v)).toEqual([
        ['eu-country', true],
        ['population-meets-threshold', true],
      ]);
      expect(v.reasons[1]).toMatchObject({
        params: { population: 569_000, threshold: 50_000 },
        message: expect.any(String),
      });
    });

    it('refuses an EU authority whose population no source states, and a region alone', async () => {
      expect(
        codes(await verdict(`/api/authorities/${idOf('Belfast')}/eligibility?call=2017&side=eu`)),
      ).toEqual([
        ['eu-country', true],
        ['population-unknown', false],
      ]);
      expect(
        codes(
          await verdict(
            `/api/authorities/${idOf('Steirischer Zentralraum')}/eligibility?call=2017&side=eu`,
          ),
        ),
      ).toEqual([
        ['eu-country', true],
        ['region-alone', false],
      ]);
    });

    it('judges partners on the target countries only: Santa Monica passes 2018-US, Medellín does not', async () => {
      expect(
        await verdict(
          `/api/authorities/${idOf('Santa Monica')}/eligibility?call=2018-US&side=partner`,
        ),
      ).toMatchObject({ eligible: true });
      expect(
        codes(
          await verdict(
            `/api/authorities/${idOf('Medellín')}/eligibility?call=2018-US&side=partner`,
          ),
        ),
      ).toEqual([
        ['not-target-country', false],
        ['partner-no-population-floor', true],
      ]);
    });

    it('judges the Graz group: led by Graz, but its combined population is not known', async () => {
      const [group]: MunicipalityGroupDto[] = (await get('/api/municipality-groups').expect(200))
        .body;
      const v = await verdict(`/api/municipality-groups/${group.id}/eligibility?call=2017`);
      expect(v.eligible).toBe(false);
      expect(codes(v)).toEqual([
        ['eu-country', true],
        ['eu-country', true],
        ['group-lead-named', true],
        ['population-unknown', false],
      ]);
    });

    it('refuses an unknown call or side with 400, and answers 404 for an unknown authority or group', async () => {
      const malaga = idOf('Málaga');
      for (const query of ['call=1999&side=eu', 'call=2017', 'call=2017&side=both', 'side=eu']) {
        await get(`/api/authorities/${malaga}/eligibility?${query}`).expect(400);
      }
      await get(
        '/api/municipality-groups/00000000-0000-4000-8000-000000000000/eligibility?call=2017',
      ).expect(404);
      await get('/api/municipality-groups/graz/eligibility?call=2017').expect(404);
      await get(
        '/api/authorities/00000000-0000-4000-8000-000000000000/eligibility?call=2017&side=eu',
      ).expect(404);
    });
  });

  it('answers 401 without a session', async () => {
    for (const path of [
      '/api/authorities',
      `/api/authorities/${idOf('Graz')}`,
      '/api/municipality-groups',
      `/api/authorities/${idOf('Graz')}/eligibility?call=2017&side=eu`,
    ]) {
      expect((await request(t.url).get(path).expect(401)).body).toMatchObject({
        statusCode: 401,
        error: 'Unauthorized',
      });
    }
  });
});
