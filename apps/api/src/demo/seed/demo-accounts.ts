/**
 * The demo accounts: one coordinator per authority on a pairing side (the same person for an
 * authority in several pairings, like Torino), one viewer per pairing, one officer and one admin,
 * and a few editors, so that two people of one city can write its plan together. The people are
 * fictional.
 */
import type { PairingRole, ProgrammeRole } from '@iuc/domain';
import type { AuthoritySeed } from './authorities.js';
import type { PairingSeed } from './pairings.js';

export const DEMO_EMAIL_DOMAIN = 'demo.iuc.test';

export interface DemoMembershipSeed {
  pairing: string;
  role: PairingRole;
  /** The city side the member works for; null for a viewer of the whole pairing. */
  authority: string | null;
}

export interface DemoAccountSeed {
  email: string;
  name: string;
  programmeRole: ProgrammeRole | null;
  memberships: DemoMembershipSeed[];
}

/** Coordinators by authority slug. */
const COORDINATORS: Record<string, string> = {
  malaga: 'Lucía Ortega',
  prague: 'Kateřina Dvořáková',
  'agii-anargiri-kamatero': 'Eleni Papadopoulou',
  donostia: 'Iker Etxeberria',
  bologna: 'Giulia Rinaldi',
  hamburg: 'Jonas Petersen',
  'west-athens': 'Dimitris Karalis',
  manchester: 'Sarah Whitworth',
  torino: 'Marco Ferraris',
  pordenone: 'Chiara Zanin',
  'santo-tirso': 'Rui Carvalho',
  'viana-do-castelo': 'Inês Lima',
  almada: 'Sofia Marques',
  madrid: 'Pablo Herrero',
  'pavlos-melas': 'Nikos Theodorou',
  albacete: 'Carmen Navarro',
  belfast: 'Ciarán McAllister',
  graz: 'Katharina Gruber',
  'steirischer-zentralraum': 'Florian Pichler',
  barcelona: 'Montserrat Puig',
  lyon: 'Camille Girard',
  varna: 'Desislava Ivanova',
  'vila-nova-de-famalicao': 'João Ferreira',
  jingyue: 'Wang Li',
  longyan: 'Chen Jie',
  zhengzhou: 'Zhao Min',
  hirosaki: 'Yuki Sato',
  austin: 'Rachel Alvarez',
  guadalajara: 'Alejandro Ruiz',
  merida: 'Mariana Canul',
  montreal: 'Julie Tremblay',
  'consorcio-abc': 'Renata Oliveira',
  'benedito-novo': 'Gustavo Schmitt',
  araripina: 'Francisca Alencar',
  'sao-leopoldo': 'Lucas Becker',
  'belo-horizonte': 'Ana Paula Rocha',
  'buenos-aires': 'Martín Gómez',
  'san-justo': 'Valeria Bianchi',
  'rio-grande': 'Federico Sosa',
  medellin: 'Camila Restrepo',
  'santiago-de-cali': 'Andrés Cárdenas',
  ibague: 'Diana Quintero',
  'new-york': 'Michael Chen',
  boston: "Erin O'Brien",
  baltimore: 'Denise Carter',
  'santa-monica': 'Kevin Nakamura',
  'fort-collins': 'Emily Larsen',
};

/** Editors beside the coordinator, by pairing and authority slug. */
const EDITORS: { pairing: string; authority: string; name: string }[] = [
  { pairing: 'malaga-jingyue', authority: 'malaga', name: 'Javier Morales' },
];

const email = (localPart: string) => `${localPart}@${DEMO_EMAIL_DOMAIN}`;

/** "Málaga – Jingyue": the pairing as people name it. */
function pairingLabel(pairing: PairingSeed, nameOf: (slug: string) => string): string {
  return `${pairing.eu.map(nameOf).join(', ')} – ${pairing.partner.map(nameOf).join(', ')}`;
}

export function buildDemoAccounts(
  pairings: readonly PairingSeed[],
  authorities: readonly AuthoritySeed[],
): DemoAccountSeed[] {
  const nameOf = (slug: string): string => {
    const authority = authorities.find((a) => a.slug === slug);
    if (!authority) throw new Error(`Authority "${slug}" is not in the seed.`);
    return authority.name;
  };

  const coordinators = new Map<string, DemoAccountSeed>();
  for (const pairing of pairings) {
    for (const authority of [...pairing.eu, ...pairing.partner]) {
      const person = COORDINATORS[authority];
      if (!person) throw new Error(`No demo coordinator is named for "${authority}".`);
      let account = coordinators.get(authority);
      if (!account) {
        account = {
          email: email(`coordinator.${authority}`),
          name: `${person} (${nameOf(authority)})`,
          programmeRole: null,
          memberships: [],
        };
        coordinators.set(authority, account);
      }
      account.memberships.push({ pairing: pairing.slug, role: 'coordinator', authority });
    }
  }

  const viewers = pairings.map((pairing): DemoAccountSeed => ({
    email: email(`viewer.${pairing.slug}`),
    name: `Stakeholder (${pairingLabel(pairing, nameOf)})`,
    programmeRole: null,
    memberships: [{ pairing: pairing.slug, role: 'viewer', authority: null }],
  }));

  const editors = EDITORS.map((editor): DemoAccountSeed => {
    if (!pairings.some((p) => p.slug === editor.pairing)) {
      throw new Error(`Pairing "${editor.pairing}" is not in the seed.`);
    }
    return {
      email: email(`editor.${editor.authority}`),
      name: `${editor.name} (${nameOf(editor.authority)})`,
      programmeRole: null,
      memberships: [{ pairing: editor.pairing, role: 'editor', authority: editor.authority }],
    };
  });

  return [
    {
      email: email('admin'),
      name: 'Anna Keller (platform admin)',
      programmeRole: 'admin',
      memberships: [],
    },
    {
      email: email('officer'),
      name: 'Hélène Dubois (programme officer)',
      programmeRole: 'officer',
      memberships: [],
    },
    ...coordinators.values(),
    ...editors,
    ...viewers,
  ];
}
