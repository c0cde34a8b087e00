import { Injectable, NotFoundException } from '@nestjs/common';
import {
  can,
  grantableRoles,
  type PairingDetailDto,
  type PairingFilters,
  type PairingSummaryDto,
} from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { PairingEntity } from './pairing.entity.js';
import { titleOf, type PairingAuthority } from './pairing-cities.js';
import { toPairingDetail, toPairingMembers, toPairingSummary } from './pairings.mappers.js';
import { PairingsRepository } from './pairings.repository.js';

const byTitle = new Intl.Collator('en', { sensitivity: 'base' });

@Injectable()
export class PairingsService {
  constructor(
    private readonly pairings: PairingsRepository,
    private readonly directory: DirectoryService,
    private readonly access: AccessService,
  ) {}

  /**
   * Pairings by call and title. Call and theme are filtered in the database; place filters (region,
   * country, names) need the directory's view of each side, and there are only a few dozen pairings.
   */
  async list(actor: Actor, filters: PairingFilters): Promise<PairingSummaryDto[]> {
    this.access.requireProgramme(actor, 'directory.read');
    let rows = await this.pairings.find({ callCode: filters.call, theme: filters.theme });
    const text = filters.text?.trim();
    if (text) {
      const named = await this.directory.authorityIdsMatching(text);
      rows = rows.filter((p) => authorityIds(p).some((id) => named.has(id)));
    }
    const lookup = await this.directory.authoritiesByIds(rows.flatMap(authorityIds));
    return rows
      .map((p) => toPairingSummary(p, lookup))
      .filter((s) => !filters.region || s.region === filters.region)
      .filter(
        (s) =>
          !filters.country || [...s.eu, ...s.partner].some((a) => a.countryIso === filters.country),
      )
      .sort((a, b) => a.callCode.localeCompare(b.callCode) || byTitle.compare(a.title, b.title));
  }

  /**
   * One pairing with its sides, members and what the actor may do there; 404 when unknown. The
   * route's guard has checked 'directory.read' on it (every signed-in person holds it).
   */
  async detail(actor: Actor, id: string): Promise<PairingDetailDto> {
    const pairing = await this.pairings.findById(id);
    if (!pairing) throw new NotFoundException('Pairing not found.');
    const [lookup, groups, memberships, standings] = await Promise.all([
      this.directory.authoritiesByIds(authorityIds(pairing)),
      this.directory.groupsByIds(
        [pairing.euGroupId, pairing.partnerGroupId].filter((g): g is string => g !== null),
      ),
      this.pairings.members(id),
      this.access.standings(actor, 'pairing', [id]),
    ]);
    const standing = standings.get(id) ?? { programmeRole: actor.programmeRole, pairingRole: null };
    return toPairingDetail(pairing, {
      lookup,
      groups,
      members: toPairingMembers(memberships, can(standing, 'pairing.members.contact')),
      permissions: {
        invite: can(standing, 'pairing.invite'),
        manage: can(standing, 'pairing.manage'),
        grantableRoles: grantableRoles(standing),
      },
    });
  }

  /** Whether the authority is one of the pairing's cities. */
  hasCity(pairingId: string, authorityId: string): Promise<boolean> {
    return this.pairings.hasCity(pairingId, authorityId);
  }

  /** The pairing's cities (authority, side, name), in their order. */
  cities(pairingId: string): Promise<PairingAuthority[]> {
    return this.pairings.cities(pairingId);
  }

  /** The pairing's title, from its cities. */
  async title(pairingId: string): Promise<string> {
    return titleOf(await this.cities(pairingId));
  }

  /** Pairing ids by slug (stable seed keys), for the demo accounts. */
  idsBySlug(slugs: readonly string[]): Promise<Map<string, string>> {
    return this.pairings.idsBySlug(slugs);
  }
}

function authorityIds(pairing: PairingEntity): string[] {
  return (pairing.authorities ?? []).map((pa) => pa.authorityId);
}
