/** Entities to the API's response shapes (@iuc/domain contracts). Entities never leave the module. */
import {
  combinedPopulation,
  type AuthorityDto,
  type AuthoritySummaryDto,
  type Candidate,
  type MunicipalityGroupDto,
  type PopulationDto,
} from '@iuc/domain';
import type { AuthorityEntity } from './authority.entity.js';
import type { MunicipalityGroupEntity } from './municipality-group.entity.js';

export function toAuthoritySummary(a: AuthorityEntity): AuthoritySummaryDto {
  return { id: a.id, name: a.name, countryIso: a.countryIso };
}

function toPopulation(a: AuthorityEntity): PopulationDto | null {
  if (a.population === null) return null;
  return {
    value: a.population,
    year: a.populationYear,
    scope: a.populationScope ?? 'city',
    source: a.populationSource,
  };
}

/** Needs `parent` loaded when the authority has one. */
export function toAuthorityDto(a: AuthorityEntity): AuthorityDto {
  return {
    ...toAuthoritySummary(a),
    localName: a.localName,
    kind: a.kind,
    parent: a.parent ? toAuthoritySummary(a.parent) : null,
    worldRegion: a.worldRegion,
    population: toPopulation(a),
    languages: a.languages,
    timeZone: a.timeZone,
    geo: a.lat !== null && a.lon !== null ? { lat: a.lat, lon: a.lon } : null,
  };
}

/** What the eligibility rules need to know about an authority. */
export function toCandidate(a: AuthorityEntity): Candidate {
  return { name: a.name, kind: a.kind, countryIso: a.countryIso, population: a.population };
}

/** Members in display order: the lead first, then by name. */
export function orderedMembers(g: MunicipalityGroupEntity): AuthorityEntity[] {
  const members = g.members ?? [];
  return [...members].sort(
    (x, y) =>
      Number(y.id === g.leadAuthorityId) - Number(x.id === g.leadAuthorityId) ||
      x.name.localeCompare(y.name),
  );
}

/** Needs `leadAuthority` and `members` loaded. */
export function toGroupDto(g: MunicipalityGroupEntity): MunicipalityGroupDto {
  if (!g.leadAuthority) throw new Error(`Group ${g.id} was loaded without its lead authority.`);
  const members = orderedMembers(g);
  return {
    id: g.id,
    name: g.name,
    lead: toAuthoritySummary(g.leadAuthority),
    members: members.map(toAuthoritySummary),
    combinedPopulation: combinedPopulation(members.map(toCandidate)),
    coordinatingBody: g.coordinatingBody,
  };
}
