/**
 * The local authorities and municipality groups of the seeded pairings (pairings.csv), as pure data.
 *
 * Populations are given only where domain.md §6 states one, with that source; everything else is
 * null rather than guessed. Coordinates are the approximate centre of the city (for a region or
 * zone, of its main town) and are only used to place markers on a map.
 */
import type { AuthorityKind, WorldRegionCode } from '@iuc/domain';

export interface PopulationSeed {
  value: number;
  year: number | null;
  scope: 'city' | 'metro' | 'luz';
  source: string;
}

export interface AuthoritySeed {
  /** Stable key: re-seeding finds the same row by it. */
  slug: string;
  name: string;
  localName: string | null;
  aliases?: string[];
  kind: AuthorityKind;
  /** Slug of the authority this one lies within (Jingyue → Changchun). */
  parent?: string;
  countryIso: string;
  worldRegion: WorldRegionCode;
  population: PopulationSeed | null;
  /** BCP-47 codes, official language(s) first. */
  languages: string[];
  timeZone: string;
  lat: number;
  lon: number;
}

export interface MunicipalityGroupSeed {
  slug: string;
  name: string;
  /** Slug of the lead authority; it is also a member. */
  lead: string;
  /** Member slugs, lead first. */
  members: string[];
  coordinatingBody: string | null;
}

type EuropeanSeed = Omit<AuthoritySeed, 'worldRegion'>;

const european = (a: EuropeanSeed): AuthoritySeed => ({ ...a, worldRegion: 'europe' });

/** EU-side authorities (the United Kingdom was a member state on the 2017–18 call dates). */
// prettier-ignore
const EU_AUTHORITIES: AuthoritySeed[] = [
  european({ slug: 'malaga', name: 'Málaga', localName: 'Málaga', kind: 'municipality', countryIso: 'ES', population: { value: 569_000, year: null, scope: 'city', source: 'iuc-asia.eu/cities-2' }, languages: ['es'], timeZone: 'Europe/Madrid', lat: 36.7213, lon: -4.4214 }),
  european({ slug: 'prague', name: 'Prague', localName: 'Praha', aliases: ['Prag'], kind: 'municipality', countryIso: 'CZ', population: { value: 1_400_000, year: null, scope: 'city', source: 'iuc-asia.eu/cities-2' }, languages: ['cs'], timeZone: 'Europe/Prague', lat: 50.0755, lon: 14.4378 }),
  european({ slug: 'agii-anargiri-kamatero', name: 'Agii Anargiri-Kamatero', localName: 'Άγιοι Ανάργυροι-Καματερό', aliases: ['Agioi Anargyroi-Kamatero'], kind: 'municipality', countryIso: 'GR', population: null, languages: ['el'], timeZone: 'Europe/Athens', lat: 38.0267, lon: 23.7183 }),
  european({ slug: 'donostia', name: 'Donostia-San Sebastián', localName: 'Donostia / San Sebastián', aliases: ['San Sebastián', 'Donostia'], kind: 'municipality', countryIso: 'ES', population: null, languages: ['es', 'eu'], timeZone: 'Europe/Madrid', lat: 43.3183, lon: -1.9812 }),
  european({ slug: 'bologna', name: 'Metropolitan City of Bologna', localName: 'Città metropolitana di Bologna', aliases: ['Bologna'], kind: 'metropolitan_city', countryIso: 'IT', population: { value: 1_010_389, year: null, scope: 'metro', source: 'iuc.eu pairing z86r274o' }, languages: ['it'], timeZone: 'Europe/Rome', lat: 44.4949, lon: 11.3426 }),
  european({ slug: 'hamburg', name: 'Hamburg', localName: 'Hamburg', kind: 'municipality', countryIso: 'DE', population: { value: 1_800_000, year: null, scope: 'city', source: 'Hamburg profiles' }, languages: ['de'], timeZone: 'Europe/Berlin', lat: 53.5511, lon: 9.9937 }),
  european({ slug: 'west-athens', name: 'West Athens', localName: 'Δυτικός Τομέας Αθηνών', aliases: ['Regional Unit of West Athens'], kind: 'regional_unit', countryIso: 'GR', population: null, languages: ['el'], timeZone: 'Europe/Athens', lat: 38.0086, lon: 23.6789 }),
  european({ slug: 'manchester', name: 'Manchester', localName: 'Manchester', aliases: ['Manchester City Council'], kind: 'municipality', countryIso: 'GB', population: { value: 600_000, year: 2021, scope: 'city', source: 'obs.agenda21culture.net (2021 projection)' }, languages: ['en'], timeZone: 'Europe/London', lat: 53.4808, lon: -2.2426 }),
  // One authority in two pairings: "Torino" in the 2017 call, "Turin" in the 2018 EU–US call.
  european({ slug: 'torino', name: 'Torino', localName: 'Torino', aliases: ['Turin'], kind: 'municipality', countryIso: 'IT', population: { value: 848_000, year: null, scope: 'city', source: 'Turin (mirror)' }, languages: ['it'], timeZone: 'Europe/Rome', lat: 45.0703, lon: 7.6869 }),
  european({ slug: 'pordenone', name: 'Pordenone', localName: 'Pordenone', kind: 'municipality', countryIso: 'IT', population: null, languages: ['it'], timeZone: 'Europe/Rome', lat: 45.9564, lon: 12.6615 }),
  european({ slug: 'santo-tirso', name: 'Santo Tirso', localName: 'Santo Tirso', kind: 'municipality', countryIso: 'PT', population: null, languages: ['pt'], timeZone: 'Europe/Lisbon', lat: 41.3425, lon: -8.4775 }),
  european({ slug: 'viana-do-castelo', name: 'Viana do Castelo', localName: 'Viana do Castelo', kind: 'municipality', countryIso: 'PT', population: null, languages: ['pt'], timeZone: 'Europe/Lisbon', lat: 41.6932, lon: -8.8329 }),
  european({ slug: 'almada', name: 'Almada', localName: 'Almada', kind: 'municipality', countryIso: 'PT', population: null, languages: ['pt'], timeZone: 'Europe/Lisbon', lat: 38.679, lon: -9.1569 }),
  european({ slug: 'madrid', name: 'Madrid', localName: 'Madrid', kind: 'municipality', countryIso: 'ES', population: null, languages: ['es'], timeZone: 'Europe/Madrid', lat: 40.4168, lon: -3.7038 }),
  european({ slug: 'pavlos-melas', name: 'Pavlos Melas', localName: 'Παύλος Μελάς', kind: 'municipality', countryIso: 'GR', population: null, languages: ['el'], timeZone: 'Europe/Athens', lat: 40.6699, lon: 22.9327 }),
  european({ slug: 'albacete', name: 'Albacete', localName: 'Albacete', kind: 'municipality', countryIso: 'ES', population: null, languages: ['es'], timeZone: 'Europe/Madrid', lat: 38.9943, lon: -1.8585 }),
  european({ slug: 'belfast', name: 'Belfast', localName: 'Belfast', kind: 'municipality', countryIso: 'GB', population: null, languages: ['en'], timeZone: 'Europe/London', lat: 54.5973, lon: -5.9301 }),
  european({ slug: 'graz', name: 'Graz', localName: 'Graz', kind: 'municipality', countryIso: 'AT', population: { value: 303_270, year: 2024, scope: 'city', source: 'Graz (2024, mirror)' }, languages: ['de'], timeZone: 'Europe/Vienna', lat: 47.0707, lon: 15.4395 }),
  // The central Styrian region (Graz, Graz-Umgebung, Voitsberg), not the State of Styria, which is
  // paired with Puebla under component III. Its population is not stated in a source.
  european({ slug: 'steirischer-zentralraum', name: 'Steirischer Zentralraum', localName: 'Steirischer Zentralraum', aliases: ['Central Styria', 'Styria region'], kind: 'region', countryIso: 'AT', population: null, languages: ['de'], timeZone: 'Europe/Vienna', lat: 47.07, lon: 15.3 }),
  // The source says "more than 1.6M": the lower bound is stored.
  european({ slug: 'barcelona', name: 'Barcelona', localName: 'Barcelona', kind: 'municipality', countryIso: 'ES', population: { value: 1_600_000, year: null, scope: 'city', source: 'montpellier.fr twinning page (more than 1.6M)' }, languages: ['ca', 'es'], timeZone: 'Europe/Madrid', lat: 41.3874, lon: 2.1686 }),
  // The population stated is the Métropole's, so the authority is modelled as the Métropole.
  european({ slug: 'lyon', name: 'Lyon', localName: 'Métropole de Lyon', aliases: ['Grand Lyon'], kind: 'metropolitan_city', countryIso: 'FR', population: { value: 1_424_069, year: null, scope: 'metro', source: 'Métropole de Lyon (wiki mirror)' }, languages: ['fr'], timeZone: 'Europe/Paris', lat: 45.764, lon: 4.8357 }),
  european({ slug: 'varna', name: 'Varna', localName: 'Варна', kind: 'municipality', countryIso: 'BG', population: { value: 351_686, year: null, scope: 'city', source: 'cryer.org.uk' }, languages: ['bg'], timeZone: 'Europe/Sofia', lat: 43.2141, lon: 27.9147 }),
  european({ slug: 'vila-nova-de-famalicao', name: 'Vila Nova de Famalicão', localName: 'Vila Nova de Famalicão', aliases: ['Famalicão', 'V. N. de Famalicão'], kind: 'municipality', countryIso: 'PT', population: { value: 134_084, year: null, scope: 'city', source: 'noticiasdefamalicao.pt' }, languages: ['pt'], timeZone: 'Europe/Lisbon', lat: 41.4079, lon: -8.5198 }),
];

/** Partner-side authorities, and the parents they lie within. */
// prettier-ignore
const PARTNER_AUTHORITIES: AuthoritySeed[] = [
  // Asia
  { slug: 'changchun', name: 'Changchun', localName: '长春', kind: 'municipality', countryIso: 'CN', worldRegion: 'asia', population: { value: 7_500_000, year: null, scope: 'city', source: 'China Daily "City on the move"' }, languages: ['zh'], timeZone: 'Asia/Shanghai', lat: 43.8171, lon: 125.3235 },
  { slug: 'jingyue', name: 'Jingyue', localName: '净月', aliases: ['Jingyue High-Tech Industrial Development Zone', 'Jingyuetan'], kind: 'development_zone', parent: 'changchun', countryIso: 'CN', worldRegion: 'asia', population: null, languages: ['zh'], timeZone: 'Asia/Shanghai', lat: 43.79, lon: 125.46 },
  { slug: 'longyan', name: 'Longyan', localName: '龙岩', kind: 'municipality', countryIso: 'CN', worldRegion: 'asia', population: { value: 3_100_000, year: null, scope: 'city', source: 'docslib.org/doc/2370389 (UCAP Longyan–Prague)' }, languages: ['zh'], timeZone: 'Asia/Shanghai', lat: 25.0758, lon: 117.0173 },
  { slug: 'zhengzhou', name: 'Zhengzhou', localName: '郑州', kind: 'municipality', countryIso: 'CN', worldRegion: 'asia', population: null, languages: ['zh'], timeZone: 'Asia/Shanghai', lat: 34.7466, lon: 113.6253 },
  { slug: 'hirosaki', name: 'Hirosaki', localName: '弘前', kind: 'municipality', countryIso: 'JP', worldRegion: 'asia', population: null, languages: ['ja'], timeZone: 'Asia/Tokyo', lat: 40.6031, lon: 140.4641 },
  // North America
  { slug: 'austin', name: 'Austin', localName: 'Austin', kind: 'municipality', countryIso: 'US', worldRegion: 'north-america', population: null, languages: ['en'], timeZone: 'America/Chicago', lat: 30.2672, lon: -97.7431 },
  { slug: 'montreal', name: 'Montréal', localName: 'Montréal', aliases: ['Montreal'], kind: 'municipality', countryIso: 'CA', worldRegion: 'north-america', population: { value: 1_704_694, year: 2016, scope: 'city', source: 'larousse.fr' }, languages: ['fr'], timeZone: 'America/Toronto', lat: 45.5019, lon: -73.5674 },
  { slug: 'new-york', name: 'New York City', localName: 'New York', aliases: ['New York', 'NYC'], kind: 'municipality', countryIso: 'US', worldRegion: 'north-america', population: null, languages: ['en'], timeZone: 'America/New_York', lat: 40.7128, lon: -74.006 },
  { slug: 'boston', name: 'Boston', localName: 'Boston', kind: 'municipality', countryIso: 'US', worldRegion: 'north-america', population: null, languages: ['en'], timeZone: 'America/New_York', lat: 42.3601, lon: -71.0589 },
  { slug: 'baltimore', name: 'Baltimore', localName: 'Baltimore', kind: 'municipality', countryIso: 'US', worldRegion: 'north-america', population: null, languages: ['en'], timeZone: 'America/New_York', lat: 39.2904, lon: -76.6122 },
  { slug: 'santa-monica', name: 'Santa Monica', localName: 'Santa Monica', kind: 'municipality', countryIso: 'US', worldRegion: 'north-america', population: { value: 93_000, year: null, scope: 'city', source: 'Vox Creative / RWJF feature on Santa Monica' }, languages: ['en'], timeZone: 'America/Los_Angeles', lat: 34.0195, lon: -118.4912 },
  { slug: 'fort-collins', name: 'Fort Collins', localName: 'Fort Collins', kind: 'municipality', countryIso: 'US', worldRegion: 'north-america', population: { value: 169_810, year: 2020, scope: 'city', source: 'Fort Collins 2020 census (mirror)' }, languages: ['en'], timeZone: 'America/Denver', lat: 40.5853, lon: -105.0844 },
  // Latin America and the Caribbean (Mexico belongs to the IUC LAC programme)
  { slug: 'guadalajara', name: 'Metropolitan Area of Guadalajara', localName: 'Área Metropolitana de Guadalajara', aliases: ['Guadalajara'], kind: 'metro_area', countryIso: 'MX', worldRegion: 'latin-america-caribbean', population: { value: 4_796_603, year: 2015, scope: 'metro', source: 'Guadalajara metropolitan area (wiki mirror)' }, languages: ['es'], timeZone: 'America/Mexico_City', lat: 20.6597, lon: -103.3496 },
  { slug: 'merida', name: 'Mérida', localName: 'Mérida', kind: 'municipality', countryIso: 'MX', worldRegion: 'latin-america-caribbean', population: null, languages: ['es'], timeZone: 'America/Merida', lat: 20.9674, lon: -89.5926 },
  // The Greater ABC Intermunicipal Consortium is a public legal entity of seven São Paulo
  // municipalities that signs and acts as one party. It is modelled as one authority (metro_area)
  // rather than a MunicipalityGroup: the pairing names the consortium, not its members, and group
  // rules (combined population, lead) are EU-applicant rules that partners are not subject to.
  { slug: 'consorcio-abc', name: 'Consórcio ABC', localName: 'Consórcio Intermunicipal Grande ABC', aliases: ['Greater ABC', 'Grande ABC', 'ABC Paulista'], kind: 'metro_area', countryIso: 'BR', worldRegion: 'latin-america-caribbean', population: null, languages: ['pt'], timeZone: 'America/Sao_Paulo', lat: -23.6639, lon: -46.5383 },
  { slug: 'benedito-novo', name: 'Benedito Novo', localName: 'Benedito Novo', kind: 'municipality', countryIso: 'BR', worldRegion: 'latin-america-caribbean', population: null, languages: ['pt'], timeZone: 'America/Sao_Paulo', lat: -26.7828, lon: -49.3636 },
  { slug: 'araripina', name: 'Araripina', localName: 'Araripina', kind: 'municipality', countryIso: 'BR', worldRegion: 'latin-america-caribbean', population: null, languages: ['pt'], timeZone: 'America/Recife', lat: -7.5761, lon: -40.4983 },
  { slug: 'sao-leopoldo', name: 'São Leopoldo', localName: 'São Leopoldo', kind: 'municipality', countryIso: 'BR', worldRegion: 'latin-america-caribbean', population: null, languages: ['pt'], timeZone: 'America/Sao_Paulo', lat: -29.7604, lon: -51.1472 },
  { slug: 'belo-horizonte', name: 'Belo Horizonte', localName: 'Belo Horizonte', kind: 'municipality', countryIso: 'BR', worldRegion: 'latin-america-caribbean', population: null, languages: ['pt'], timeZone: 'America/Sao_Paulo', lat: -19.9167, lon: -43.9345 },
  { slug: 'buenos-aires', name: 'Buenos Aires', localName: 'Ciudad Autónoma de Buenos Aires', aliases: ['CABA'], kind: 'municipality', countryIso: 'AR', worldRegion: 'latin-america-caribbean', population: null, languages: ['es'], timeZone: 'America/Argentina/Buenos_Aires', lat: -34.6037, lon: -58.3816 },
  // Taken to be the municipality of San Justo in Santa Fe province; the source names only "San Justo".
  { slug: 'san-justo', name: 'San Justo', localName: 'San Justo', kind: 'municipality', countryIso: 'AR', worldRegion: 'latin-america-caribbean', population: null, languages: ['es'], timeZone: 'America/Argentina/Cordoba', lat: -30.7891, lon: -60.5919 },
  { slug: 'rio-grande', name: 'Río Grande', localName: 'Río Grande', kind: 'municipality', countryIso: 'AR', worldRegion: 'latin-america-caribbean', population: null, languages: ['es'], timeZone: 'America/Argentina/Ushuaia', lat: -53.7877, lon: -67.7095 },
  { slug: 'medellin', name: 'Medellín', localName: 'Medellín', kind: 'municipality', countryIso: 'CO', worldRegion: 'latin-america-caribbean', population: { value: 2_508_452, year: 2018, scope: 'city', source: 'Medellín 2018 census (aggregator)' }, languages: ['es'], timeZone: 'America/Bogota', lat: 6.2442, lon: -75.5812 },
  { slug: 'santiago-de-cali', name: 'Santiago de Cali', localName: 'Santiago de Cali', aliases: ['Cali'], kind: 'municipality', countryIso: 'CO', worldRegion: 'latin-america-caribbean', population: { value: 2_320_000, year: null, scope: 'city', source: 'fiba.basketball' }, languages: ['es'], timeZone: 'America/Bogota', lat: 3.4516, lon: -76.532 },
  { slug: 'ibague', name: 'Ibagué', localName: 'Ibagué', kind: 'municipality', countryIso: 'CO', worldRegion: 'latin-america-caribbean', population: { value: 529_635, year: 2018, scope: 'city', source: 'Ibagué (2018, mirror)' }, languages: ['es'], timeZone: 'America/Bogota', lat: 4.4389, lon: -75.2322 },
];

export const AUTHORITIES: readonly AuthoritySeed[] = [...EU_AUTHORITIES, ...PARTNER_AUTHORITIES];

export const MUNICIPALITY_GROUPS: readonly MunicipalityGroupSeed[] = [
  {
    // "Graz + Styria region" in the source: the city applied with the central Styrian region
    // behind it (a region alone is not eligible), so Graz leads.
    slug: 'graz-steirischer-zentralraum',
    name: 'Graz and Steirischer Zentralraum',
    lead: 'graz',
    members: ['graz', 'steirischer-zentralraum'],
    coordinatingBody: 'Regionalmanagement Steirischer Zentralraum',
  },
];
