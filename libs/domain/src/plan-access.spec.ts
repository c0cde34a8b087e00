import { planRights, worksForPlanCity } from './plan-access.js';

describe('worksForPlanCity', () => {
  it('is true only for a member of the plan’s own city', () => {
    expect(worksForPlanCity('malaga', 'malaga')).toBe(true);
    expect(worksForPlanCity('jingyue', 'malaga')).toBe(false);
  });

  it('is false for members of the whole pairing and for people outside it', () => {
    expect(worksForPlanCity(null, 'malaga')).toBe(false);
    expect(worksForPlanCity(undefined, 'malaga')).toBe(false);
  });
});

describe('planRights for programme staff', () => {
  it('lets staff outside the pairing give verdicts on a submitted plan', () => {
    const officer = { programmeRole: 'officer', pairingRole: null, ownSide: false } as const;
    expect(planRights(officer, 'submitted').transitions).toEqual(['changes_requested', 'approved']);
  });

  it('gives staff who are also members of the pairing neither verdicts nor the city’s moves', () => {
    const officerCoordinator = {
      programmeRole: 'officer',
      pairingRole: 'coordinator',
      ownSide: true,
    } as const;
    expect(planRights(officerCoordinator, 'submitted').transitions).toEqual([]);
    expect(planRights(officerCoordinator, 'draft').transitions).toEqual([]);
    expect(planRights(officerCoordinator, 'approved').transitions).toEqual([]);
  });
});
