/** Pairing entities to the API's response shapes (@iuc/domain contracts). */
import {
  PAIRING_ROLES,
  pairingTitle,
  type AuthorityDto,
  type AuthoritySummaryDto,
  type MunicipalityGroupDto,
  type PairingDetailDto,
  type PairingMemberDto,
  type PairingSide,
  type PairingSummaryDto,
  type WorldRegionCode,
} from '@iuc/domain';
import type { MembershipEntity } from './membership.entity.js';
import type { PairingEntity } from './pairing.entity.js';
import { endOfTerm } from './pairing-term.js';

/** A pairing's authorities, as the directory describes them, by id. */
export type AuthorityLookup = ReadonlyMap<string, AuthorityDto>;

/** The side's authorities in display order. Needs `authorities` loaded on the pairing. */
export function sideAuthorities(
  pairing: PairingEntity,
  side: PairingSide,
  lookup: AuthorityLookup,
): AuthorityDto[] {
  return (pairing.authorities ?? [])
    .filter((pa) => pa.side === side)
    .sort((a, b) => a.position - b.position)
    .map((pa) => lookup.get(pa.authorityId))
    .filter((a): a is AuthorityDto => a !== undefined);
}

function toSummaryOf(a: AuthorityDto): AuthoritySummaryDto {
  return { id: a.id, name: a.name, countryIso: a.countryIso };
}

/** A pairing is placed by its partner side (the EU side is always in Europe). */
function regionOf(partner: readonly AuthorityDto[], eu: readonly AuthorityDto[]): WorldRegionCode {
  return (partner[0] ?? eu[0])?.worldRegion ?? 'europe';
}

export function toPairingSummary(
  pairing: PairingEntity,
  lookup: AuthorityLookup,
): PairingSummaryDto {
  const eu = sideAuthorities(pairing, 'eu', lookup);
  const partner = sideAuthorities(pairing, 'partner', lookup);
  return {
    id: pairing.id,
    title: pairingTitle(
      eu.map((a) => a.name),
      partner.map((a) => a.name),
    ),
    callCode: pairing.callCode,
    themes: pairing.themes,
    status: pairing.status,
    region: regionOf(partner, eu),
    startDate: pairing.startDate,
    termMonths: pairing.termMonths,
    endDate: endOfTerm(pairing.startDate, pairing.termMonths),
    eu: eu.map(toSummaryOf),
    partner: partner.map(toSummaryOf),
  };
}

/** Coordinators first, then editors, then viewers; by name within a role. */
function byRoleThenName(a: PairingMemberDto, b: PairingMemberDto): number {
  return (
    PAIRING_ROLES.indexOf(a.role) - PAIRING_ROLES.indexOf(b.role) || a.name.localeCompare(b.name)
  );
}

/** Needs `user` loaded on each membership. */
export function toPairingMembers(
  memberships: readonly MembershipEntity[],
  showContacts: boolean,
): PairingMemberDto[] {
  return memberships
    .map((m) => ({
      userId: m.userId,
      name: m.user?.name ?? '',
      email: showContacts ? (m.user?.email ?? null) : null,
      role: m.role,
      authorityId: m.authorityId,
    }))
    .sort(byRoleThenName);
}

export interface PairingDetailParts {
  lookup: AuthorityLookup;
  groups: ReadonlyMap<string, MunicipalityGroupDto>;
  members: PairingMemberDto[];
  permissions: PairingDetailDto['permissions'];
}

export function toPairingDetail(
  pairing: PairingEntity,
  parts: PairingDetailParts,
): PairingDetailDto {
  const groupOf = (id: string | null) => (id ? (parts.groups.get(id) ?? null) : null);
  return {
    ...toPairingSummary(pairing, parts.lookup),
    description: pairing.description,
    notes: pairing.notes,
    sides: [
      {
        side: 'eu',
        authorities: sideAuthorities(pairing, 'eu', parts.lookup),
        group: groupOf(pairing.euGroupId),
      },
      {
        side: 'partner',
        authorities: sideAuthorities(pairing, 'partner', parts.lookup),
        group: groupOf(pairing.partnerGroupId),
      },
    ],
    members: parts.members,
    permissions: parts.permissions,
  };
}
