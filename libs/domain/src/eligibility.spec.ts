import { CALLS, findCall } from './calls.js';
import {
  checkEuApplicant,
  checkGroupApplicant,
  checkPartner,
  combinedPopulation,
  type Candidate,
  type CallRules,
  type Reason,
} from './eligibility.js';

/** A call like the 2019 one: 100,000 inhabitants at least. */
const CALL_2019: CallRules = {
  code: '2019',
  minPopulation: 100_000,
  euCountries: ['ES', 'AT', 'IT'],
  targetCountries: ['US', 'CO', 'CN'],
};
const call2017 = findCall('2017')!;

const city = (name: string, population: number | null, countryIso = 'ES'): Candidate => ({
  name,
  kind: 'municipality',
  countryIso,
  population,
});
const region = (name: string, population: number | null, countryIso = 'AT'): Candidate => ({
  name,
  kind: 'region',
  countryIso,
  population,
});
const codes = (reasons: Reason[]) => reasons.map((r) => [r.code, r.met]);

describe('checkEuApplicant', () => {
  it("applies each call's own threshold: 75,000 passes 2017 (>50,000) and fails 2019 (100,000)", () => {
    const town = city('Mid-size town', 75_000);
    expect(call2017.minPopulation).toBe(50_000);
    expect(checkEuApplicant(call2017, town).eligible).toBe(true);
    const v = checkEuApplicant(CALL_2019, town);
    expect(v.eligible).toBe(false);
    expect(codes(v.reasons)).toEqual([
      ['eu-country', true],
      ['population-below-threshold', false],
    ]);
    expect(v.reasons[1].params).toEqual({ population: 75_000, threshold: 100_000 });
  });

  it('accepts a population exactly at the threshold, with the reasons it rests on', () => {
    const v = checkEuApplicant(CALL_2019, city('Threshold', 100_000));
    expect(v).toEqual({
      eligible: true,
      reasons: [
        expect.objectContaining({ code: 'eu-country', met: true, params: { country: 'ES' } }),
        expect.objectContaining({
          code: 'population-meets-threshold',
          met: true,
          params: { population: 100_000, threshold: 100_000 },
        }),
      ],
    });
  });

  it('counts the United Kingdom as EU on the 2017–18 call dates (Manchester, Belfast)', () => {
    expect(checkEuApplicant(call2017, city('Manchester', 600_000, 'GB')).eligible).toBe(true);
  });

  it('refuses an authority outside the EU, saying so', () => {
    const v = checkEuApplicant(CALL_2019, city('Zürich', 420_000, 'CH'));
    expect(v.eligible).toBe(false);
    expect(codes(v.reasons)).toEqual([
      ['not-eu-country', false],
      ['population-meets-threshold', true],
    ]);
  });

  it('refuses an unknown population rather than guessing', () => {
    const v = checkEuApplicant(CALL_2019, city('Belfast', null, 'ES'));
    expect(v.eligible).toBe(false);
    expect(codes(v.reasons)).toEqual([
      ['eu-country', true],
      ['population-unknown', false],
    ]);
  });

  it('refuses a region alone, however large (it belongs to component III)', () => {
    const v = checkEuApplicant(CALL_2019, region('Styria', 1_250_000));
    expect(v.eligible).toBe(false);
    expect(codes(v.reasons)).toEqual([
      ['eu-country', true],
      ['region-alone', false],
    ]);
  });
});

describe('checkGroupApplicant', () => {
  it('makes a group of small towns eligible on combined population, with a lead authority', () => {
    const members = [city('Town A', 60_000), city('Town B', 45_000)];
    const v = checkGroupApplicant(CALL_2019, { members, leadName: 'Town A' });
    expect(v.eligible).toBe(true);
    expect(codes(v.reasons)).toEqual([
      ['eu-country', true],
      ['eu-country', true],
      ['group-lead-named', true],
      ['group-combined-population', true],
    ]);
    expect(v.reasons[3].params).toEqual({ population: 105_000, threshold: 100_000 });
  });

  it('refuses a group without a lead, or led by a name that is not a member', () => {
    const members = [city('Town A', 60_000), city('Town B', 45_000)];
    for (const leadName of [null, 'Elsewhere']) {
      const v = checkGroupApplicant(CALL_2019, { members, leadName });
      expect(v.eligible).toBe(false);
      expect(v.reasons.find((r) => r.code === 'group-without-lead')).toMatchObject({ met: false });
    }
  });

  it('lets a region support a city but not lead the group (Graz with central Styria)', () => {
    const members = [city('Graz', 303_270, 'AT'), region('Steirischer Zentralraum', 350_000)];
    expect(checkGroupApplicant(CALL_2019, { members, leadName: 'Graz' }).eligible).toBe(true);
    const ledByRegion = checkGroupApplicant(CALL_2019, {
      members,
      leadName: 'Steirischer Zentralraum',
    });
    expect(ledByRegion.eligible).toBe(false);
    expect(ledByRegion.reasons.find((r) => r.code === 'group-without-lead')?.message).toContain(
      'is a region',
    );
  });

  it('refuses a group below the threshold combined, or with a member of unknown population', () => {
    const small = checkGroupApplicant(CALL_2019, {
      members: [city('A', 30_000), city('B', 20_000)],
      leadName: 'A',
    });
    expect(codes(small.reasons).at(-1)).toEqual(['group-below-threshold', false]);
    const unknown = checkGroupApplicant(CALL_2019, {
      members: [city('A', 300_000), city('B', null)],
      leadName: 'A',
    });
    expect(unknown.eligible).toBe(false);
    expect(codes(unknown.reasons).at(-1)).toEqual(['population-unknown', false]);
  });

  it('refuses a group with a member outside the EU, and an empty group', () => {
    const v = checkGroupApplicant(CALL_2019, {
      members: [city('A', 300_000), city('B', 10_000, 'CH')],
      leadName: 'A',
    });
    expect(v.eligible).toBe(false);
    expect(codes(v.reasons).slice(0, 2)).toEqual([
      ['eu-country', true],
      ['not-eu-country', false],
    ]);
    expect(checkGroupApplicant(CALL_2019, { members: [], leadName: null })).toEqual({
      eligible: false,
      reasons: [expect.objectContaining({ code: 'group-empty', met: false })],
    });
  });
});

describe('combinedPopulation', () => {
  it('sums the members, and is null when any is unknown', () => {
    expect(combinedPopulation([city('A', 1), city('B', 2)])).toBe(3);
    expect(combinedPopulation([city('A', 1), city('B', null)])).toBeNull();
    expect(combinedPopulation([])).toBe(0);
  });
});

describe('checkPartner', () => {
  it('has no population floor: Santa Monica (about 93,000) is fine for the 2018 EU–US call', () => {
    const v = checkPartner(findCall('2018-US')!, city('Santa Monica', 93_000, 'US'));
    expect(v).toEqual({
      eligible: true,
      reasons: [
        expect.objectContaining({ code: 'target-country', met: true }),
        expect.objectContaining({ code: 'partner-no-population-floor', met: true }),
      ],
    });
    expect(checkPartner(CALL_2019, city('Tiny', 900, 'US')).eligible).toBe(true);
    expect(checkPartner(CALL_2019, city('Unknown size', null, 'US')).eligible).toBe(true);
  });

  it("refuses a partner outside the call's target countries", () => {
    const v = checkPartner(findCall('2018-US')!, city('Medellín', 2_508_452, 'CO'));
    expect(v.eligible).toBe(false);
    expect(codes(v.reasons)).toEqual([
      ['not-target-country', false],
      ['partner-no-population-floor', true],
    ]);
  });
});

describe('CALLS', () => {
  it('give every call a term and a threshold', () => {
    for (const call of CALLS) {
      expect(call.termMonths).toBe(18);
      expect(call.minPopulation).toBeGreaterThan(0);
    }
  });
});
