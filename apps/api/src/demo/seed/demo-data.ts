/** Everything the demo seed writes, as pure data (no database): built once per process. */
import { CALLS, type CallDefinition } from '@iuc/domain';
import {
  AUTHORITIES,
  MUNICIPALITY_GROUPS,
  type AuthoritySeed,
  type MunicipalityGroupSeed,
} from './authorities.js';
import { buildDemoAccounts, type DemoAccountSeed } from './demo-accounts.js';
import { readPairingsCsv } from './pairings-csv.js';
import { buildPairingSeeds, type PairingSeed } from './pairings.js';

export interface DemoData {
  calls: readonly CallDefinition[];
  authorities: readonly AuthoritySeed[];
  groups: readonly MunicipalityGroupSeed[];
  pairings: readonly PairingSeed[];
  accounts: readonly DemoAccountSeed[];
}

let cached: DemoData | undefined;

export function demoData(): DemoData {
  if (!cached) {
    const pairings = buildPairingSeeds(readPairingsCsv(), MUNICIPALITY_GROUPS);
    cached = {
      calls: CALLS,
      authorities: AUTHORITIES,
      groups: MUNICIPALITY_GROUPS,
      pairings,
      accounts: buildDemoAccounts(pairings, AUTHORITIES),
    };
  }
  return cached;
}
