import { worksForPlanCity } from './plan-access.js';

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
