import { provisionedPlanCity, provisionedPlanTitle } from './plan-title.js';

describe('plan titles as created', () => {
  it('name the city, and give it back for translation', () => {
    expect(provisionedPlanTitle('Málaga')).toBe('Local Action Plan — Málaga');
    expect(provisionedPlanCity(provisionedPlanTitle('Santiago de Cali'))).toBe('Santiago de Cali');
  });

  it('leave any other title alone', () => {
    expect(provisionedPlanCity('Plan de movilidad 2027')).toBeNull();
    expect(provisionedPlanCity('Local Action Plan — ')).toBeNull();
    expect(provisionedPlanCity('Local Action Plan - Málaga')).toBeNull();
  });
});
