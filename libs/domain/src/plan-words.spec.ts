import { PLAN_SECTIONS } from './plan-template.js';
import { provisionedPlanCity, provisionedPlanTitle } from './plan-title.js';
import { fillWords, PLAN_WORDS, planWords } from './plan-words.js';

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

describe('plan words', () => {
  it('speak a language by its base tag, and English for one the UI lacks', () => {
    expect(planWords('zh-Hans-CN').section.vision.title).toBe(PLAN_WORDS.zh.section.vision.title);
    expect(planWords('PT-br')).toBe(PLAN_WORDS.pt);
    expect(planWords('ca')).toBe(PLAN_WORDS.en);
    // The template's English titles are the English words, not a second copy of them.
    expect(PLAN_SECTIONS.map((s) => s.title)).toEqual(
      PLAN_SECTIONS.map((s) => PLAN_WORDS.en.section[s.key].title),
    );
  });

  it('fill their placeholders, leaving unknown ones visible', () => {
    expect(fillWords(PLAN_WORDS.es.titleOf, { city: 'Málaga' })).toBe(
      'Plan de Acción Local — Málaga',
    );
    expect(fillWords('{{number}}. {{title}} {{missing}}', { number: 3, title: 'Vision' })).toBe(
      '3. Vision {{missing}}',
    );
  });
});
