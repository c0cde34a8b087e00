/**
 * Eligibility of applicants to a call for city-to-city cooperation (domain.md §4). Pure functions:
 * each verdict lists every reason it rests on, met or not, so an officer can see why.
 */
import type { AuthorityKind } from './taxonomies.js';

export interface CallRules {
  code: string;
  /** Minimum population of an EU applicant (or of a group's combined population). */
  minPopulation: number;
  /** ISO 3166-1 alpha-2 codes of the countries whose authorities count as EU applicants on the call date. */
  euCountries: readonly string[];
  /** ISO codes of the partner countries the call targets. */
  targetCountries: readonly string[];
}

export interface Candidate {
  name: string;
  kind: AuthorityKind;
  countryIso: string;
  /** Null when no source states it. */
  population: number | null;
}

export interface CandidateGroup {
  members: readonly Candidate[];
  /** Name of the member that leads the group; must be one of the members. */
  leadName: string | null;
}

export type ReasonCode =
  | 'eu-country'
  | 'not-eu-country'
  | 'population-meets-threshold'
  | 'population-below-threshold'
  | 'population-unknown'
  | 'region-alone'
  | 'group-combined-population'
  | 'group-below-threshold'
  | 'group-lead-named'
  | 'group-without-lead'
  | 'group-empty'
  | 'target-country'
  | 'not-target-country'
  | 'partner-no-population-floor';

export interface Reason {
  code: ReasonCode;
  met: boolean;
  /** Plain English, for logs and officers; the web translates by code and params. */
  message: string;
  params?: Record<string, string | number>;
}

export interface Verdict {
  eligible: boolean;
  reasons: Reason[];
}

function verdict(reasons: Reason[]): Verdict {
  return { eligible: reasons.every((r) => r.met), reasons };
}

function countryReason(call: CallRules, c: Candidate): Reason {
  const inEu = call.euCountries.includes(c.countryIso);
  return inEu
    ? {
        code: 'eu-country',
        met: true,
        message: `${c.name} is in an EU country on the call date (${c.countryIso}).`,
        params: { country: c.countryIso },
      }
    : {
        code: 'not-eu-country',
        met: false,
        message: `${c.name} is not in an EU country on the call date (${c.countryIso}).`,
        params: { country: c.countryIso },
      };
}

/** A single local authority applying from the EU side. */
export function checkEuApplicant(call: CallRules, c: Candidate): Verdict {
  const reasons: Reason[] = [countryReason(call, c)];
  if (c.kind === 'region') {
    reasons.push({
      code: 'region-alone',
      met: false,
      message: `${c.name} is a region; a region alone is not eligible for city-to-city cooperation (it belongs to component III).`,
    });
    return verdict(reasons);
  }
  const threshold = call.minPopulation;
  if (c.population === null) {
    reasons.push({
      code: 'population-unknown',
      met: false,
      message: `The population of ${c.name} is not known; it must be at least ${threshold}.`,
      params: { threshold },
    });
  } else if (c.population >= threshold) {
    reasons.push({
      code: 'population-meets-threshold',
      met: true,
      message: `${c.name} has ${c.population} inhabitants, at least the call's ${threshold}.`,
      params: { population: c.population, threshold },
    });
  } else {
    reasons.push({
      code: 'population-below-threshold',
      met: false,
      message: `${c.name} has ${c.population} inhabitants, below the call's ${threshold}.`,
      params: { population: c.population, threshold },
    });
  }
  return verdict(reasons);
}

/** Combined population of a group; null when any member's population is unknown. */
export function combinedPopulation(members: readonly Candidate[]): number | null {
  let total = 0;
  for (const m of members) {
    if (m.population === null) return null;
    total += m.population;
  }
  return total;
}

/**
 * A group of municipalities applying together: eligible on combined population, provided every
 * member is in the EU and the group names a lead authority that is one of its members. A region
 * may be a member (it supports a city) but cannot lead.
 */
export function checkGroupApplicant(call: CallRules, group: CandidateGroup): Verdict {
  if (group.members.length === 0) {
    return verdict([{ code: 'group-empty', met: false, message: 'The group has no members.' }]);
  }
  const reasons: Reason[] = group.members.map((m) => countryReason(call, m));
  const lead = group.members.find((m) => m.name === group.leadName);
  if (lead && lead.kind !== 'region') {
    reasons.push({
      code: 'group-lead-named',
      met: true,
      message: `${lead.name} leads the group.`,
      params: { lead: lead.name },
    });
  } else {
    reasons.push({
      code: 'group-without-lead',
      met: false,
      message: lead
        ? `${lead.name} is a region and cannot lead the group alone; name a member authority as lead.`
        : 'The group must name one of its member authorities as lead.',
    });
  }
  const threshold = call.minPopulation;
  const total = combinedPopulation(group.members);
  if (total === null) {
    reasons.push({
      code: 'population-unknown',
      met: false,
      message: `The combined population is not known; it must be at least ${threshold}.`,
      params: { threshold },
    });
  } else if (total >= threshold) {
    reasons.push({
      code: 'group-combined-population',
      met: true,
      message: `The group has ${total} inhabitants combined, at least the call's ${threshold}.`,
      params: { population: total, threshold },
    });
  } else {
    reasons.push({
      code: 'group-below-threshold',
      met: false,
      message: `The group has ${total} inhabitants combined, below the call's ${threshold}.`,
      params: { population: total, threshold },
    });
  }
  return verdict(reasons);
}

/** A partner-side authority: it must be in one of the call's target countries; no population floor. */
export function checkPartner(call: CallRules, c: Candidate): Verdict {
  const inTarget = call.targetCountries.includes(c.countryIso);
  return verdict([
    inTarget
      ? {
          code: 'target-country',
          met: true,
          message: `${c.name} is in a target country of the call (${c.countryIso}).`,
          params: { country: c.countryIso },
        }
      : {
          code: 'not-target-country',
          met: false,
          message: `${c.name} is not in a target country of the call (${c.countryIso}).`,
          params: { country: c.countryIso },
        },
    {
      code: 'partner-no-population-floor',
      met: true,
      message: 'Partners have no population floor.',
    },
  ]);
}
