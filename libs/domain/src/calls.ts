/** The calls of the programme that the seeded pairings come from (domain.md §2 Call, §4). */
import type { CallRules } from './eligibility.js';

export interface CallDefinition extends CallRules {
  name: string;
  component: 'C2C' | 'COM' | 'R2R';
  regionalProgramme: string;
  termMonths: number;
}

/** EU member states on the 2017–18 call dates; the United Kingdom still counted (Manchester, Belfast). */
export const EU_COUNTRIES_2017 = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

export const CALLS: readonly CallDefinition[] = [
  {
    code: '2017',
    name: 'IUC city-to-city cooperation call 2017',
    component: 'C2C',
    regionalProgramme: 'IUC Asia, IUC LAC, IUC North America',
    // The 2017 call notice asked for more than 50,000 inhabitants (domain.md S10).
    minPopulation: 50_000,
    termMonths: 18,
    euCountries: EU_COUNTRIES_2017,
    targetCountries: ['CN', 'JP', 'IN', 'US', 'CA', 'MX', 'BR', 'AR', 'CO', 'PE', 'CL'],
  },
  {
    code: '2018-US',
    name: 'IUC EU–US city pairing call 2018',
    component: 'C2C',
    regionalProgramme: 'IUC North America',
    minPopulation: 50_000,
    termMonths: 18,
    euCountries: EU_COUNTRIES_2017,
    targetCountries: ['US'],
  },
];

export type CallCode = (typeof CALLS)[number]['code'];

export function findCall(code: string): CallDefinition | undefined {
  return CALLS.find((c) => c.code === code);
}
