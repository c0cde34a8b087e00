/**
 * The seeded pairings: the rows of pairings.csv, resolved to the authorities and groups of
 * authorities.ts, with the focus and start dates that domain.md §6 states.
 */
import { findCall, type PairingStatus, type ThemeCode } from '@iuc/domain';
import { MUNICIPALITY_GROUPS, type MunicipalityGroupSeed } from './authorities.js';
import type { PairingCsvRow } from './pairings-csv.js';

export interface PairingSeed {
  /** `<first EU authority>-<first partner authority>`, e.g. "malaga-jingyue". */
  slug: string;
  callCode: string;
  /** Authority slugs per side, in display order (a group's lead first). */
  eu: string[];
  partner: string[];
  euGroup: string | null;
  partnerGroup: string | null;
  themes: ThemeCode[];
  status: PairingStatus;
  startDate: string | null;
  termMonths: number;
  description: string | null;
  notes: string | null;
}

/** A CSV city label names one or more authorities, or a municipality group. */
type SideLabel = string[] | { group: string };

const SIDE_LABELS: Record<string, SideLabel> = {
  // EU side
  Málaga: ['malaga'],
  Prague: ['prague'],
  'Agii Anargiri-Kamatero': ['agii-anargiri-kamatero'],
  'Donostia-San Sebastián': ['donostia'],
  'Metropolitan City of Bologna': ['bologna'],
  Hamburg: ['hamburg'],
  'West Athens': ['west-athens'],
  'Manchester City Council': ['manchester'],
  Torino: ['torino'],
  Turin: ['torino'],
  Pordenone: ['pordenone'],
  'Santo Tirso': ['santo-tirso'],
  'Viana do Castelo': ['viana-do-castelo'],
  Almada: ['almada'],
  Madrid: ['madrid'],
  'Pavlos Melas': ['pavlos-melas'],
  Albacete: ['albacete'],
  Belfast: ['belfast'],
  'Graz + Styria region': { group: 'graz-steirischer-zentralraum' },
  Barcelona: ['barcelona'],
  Lyon: ['lyon'],
  Varna: ['varna'],
  'Vila Nova de Famalicão': ['vila-nova-de-famalicao'],
  // Partner side
  'Jingyue (in Changchun)': ['jingyue'],
  Longyan: ['longyan'],
  Zhengzhou: ['zhengzhou'],
  Hirosaki: ['hirosaki'],
  'Austin, Texas': ['austin'],
  'Metropolitan Area of Guadalajara': ['guadalajara'],
  Mérida: ['merida'],
  Montréal: ['montreal'],
  'Consórcio ABC (consortium of São Paulo municipalities)': ['consorcio-abc'],
  'Benedito Novo': ['benedito-novo'],
  Araripina: ['araripina'],
  'São Leopoldo': ['sao-leopoldo'],
  'Belo Horizonte': ['belo-horizonte'],
  'Buenos Aires': ['buenos-aires'],
  'San Justo': ['san-justo'],
  'Río Grande': ['rio-grande'],
  'Medellín + Santiago de Cali': ['medellin', 'santiago-de-cali'],
  Ibagué: ['ibague'],
  'New York, New York': ['new-york'],
  'Boston, Massachusetts': ['boston'],
  'Baltimore, Maryland': ['baltimore'],
  'Santa Monica, California': ['santa-monica'],
  'Fort Collins, Colorado': ['fort-collins'],
};

interface KnownFocus {
  themes: ThemeCode[];
  /** The focus as the source words it. */
  description: string;
  /** First day of the month the source gives. */
  startDate?: string;
}

/** domain.md §6 "Known focus", mapped onto the programme's theme codes. */
const KNOWN_FOCUS: Record<string, KnownFocus> = {
  'malaga-jingyue': {
    themes: ['urban-mobility'],
    description: 'Sustainable urban mobility planning (SUMP) and cycling.',
  },
  'prague-longyan': {
    // Tourism is read as heritage, education as skills; the source gives no better match.
    themes: ['culture', 'nature-cultural-heritage', 'jobs-skills'],
    description:
      'Culture, tourism, education and ecology; 03/2017–04/2018. Part of an IUC Asia cluster: one UCAP covered Longyan with both Mannheim and Prague.',
    startDate: '2017-03-01',
  },
  'bologna-austin': {
    themes: ['circular-economy', 'climate-adaptation'],
    description: 'Circular economy and resilience.',
    startDate: '2017-12-01',
  },
  // No programme theme covers mental health: the focus lives in the description only.
  'belfast-medellin': { themes: [], description: 'Post-conflict community mental health.' },
  'graz-ibague': {
    themes: ['water-waste-sanitation', 'smart-cities-innovation', 'jobs-skills'],
    description:
      'Water, co-working and smart city; visits in April and September 2018 also covered health.',
    startDate: '2017-09-01',
  },
  'barcelona-new-york': {
    themes: ['housing'],
    description: 'Housing: community land trusts, modular housing, tenant protection.',
  },
  'torino-baltimore': {
    themes: ['urban-regeneration'],
    description: 'Urban regeneration and social innovation.',
  },
  'varna-santa-monica': {
    themes: ['urban-mobility'],
    description: 'Sustainable urban mobility planning (SUMP) and mobility.',
  },
  'vila-nova-de-famalicao-fort-collins': {
    themes: ['urban-mobility', 'climate-adaptation'],
    description: 'Cycling, climate resilience and citizen participation.',
  },
};

/**
 * Seeded pairings are active: the demo is a place to work on them. (The real 2017–18 pairings have
 * long reached the end of programme support.)
 */
const DEMO_STATUS: PairingStatus = 'active';

function resolveSide(
  label: string,
  groups: readonly MunicipalityGroupSeed[],
): { authorities: string[]; group: string | null } {
  const side = SIDE_LABELS[label];
  if (!side)
    throw new Error(`pairings.csv names "${label}", which no authority of the seed stands for.`);
  if (Array.isArray(side)) return { authorities: side, group: null };
  const group = groups.find((g) => g.slug === side.group);
  if (!group) throw new Error(`Municipality group "${side.group}" is not in the seed.`);
  return { authorities: group.members, group: group.slug };
}

export function buildPairingSeeds(
  rows: readonly PairingCsvRow[],
  groups: readonly MunicipalityGroupSeed[] = MUNICIPALITY_GROUPS,
): PairingSeed[] {
  const pairings = rows.map((row): PairingSeed => {
    const call = findCall(row.call);
    if (!call) throw new Error(`pairings.csv names the unknown call "${row.call}".`);
    const eu = resolveSide(row.euCity, groups);
    const partner = resolveSide(row.partnerCities, groups);
    const slug = `${eu.authorities[0]}-${partner.authorities[0]}`;
    const focus = KNOWN_FOCUS[slug];
    return {
      slug,
      callCode: call.code,
      eu: eu.authorities,
      partner: partner.authorities,
      euGroup: eu.group,
      partnerGroup: partner.group,
      themes: focus?.themes ?? [],
      status: DEMO_STATUS,
      startDate: focus?.startDate ?? null,
      termMonths: call.termMonths,
      description: focus?.description ?? null,
      notes: row.notes,
    };
  });
  const slugs = new Set(pairings.map((p) => p.slug));
  if (slugs.size !== pairings.length)
    throw new Error('Two rows of pairings.csv resolve to the same pairing.');
  // A focus keyed by a slug that no row produces is a typo, not data to drop silently.
  const unused = Object.keys(KNOWN_FOCUS).filter((slug) => !slugs.has(slug));
  if (unused.length)
    throw new Error(`Known focus for pairings not in pairings.csv: ${unused.join(', ')}.`);
  return pairings;
}
