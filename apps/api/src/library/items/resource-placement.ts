import { BadRequestException, Injectable } from '@nestjs/common';
import type { ResourceScope, ResourceScopeLevel, WorldRegionCode } from '@iuc/domain';
import { AccessService, type Person } from '../../access/access.service.js';
import { codedError } from '../../common/coded-error.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { PairingsService } from '../../pairings/pairings.service.js';

/** Where an item is visible, checked. */
export interface Placement {
  scopeLevel: ResourceScopeLevel;
  pairingId: string | null;
  authorityId: string | null;
}

/** The city an item is tagged with, and its country and region (copied for the list's filters). */
export interface CityTag {
  cityId: string | null;
  cityCountry: string | null;
  cityRegion: WorldRegionCode | null;
}

const notMember = (message: string) =>
  new BadRequestException(codedError('resource.scope_not_member', message));

/**
 * Checks where an item may go: a pairing scope needs its author to be a member of the pairing, a
 * side scope a member on that city's side (programme staff may place items anywhere that exists).
 */
@Injectable()
export class ResourcePlacement {
  constructor(
    private readonly access: AccessService,
    private readonly pairings: PairingsService,
    private readonly directory: DirectoryService,
  ) {}

  async place(actor: Person, scope: ResourceScope): Promise<Placement> {
    const pairingId = scope.pairingId ?? null;
    const authorityId = scope.authorityId ?? null;
    if (scope.level === 'programme') {
      if (pairingId || authorityId)
        throw new BadRequestException('A programme-wide item takes no pairingId or authorityId.');
      return { scopeLevel: 'programme', pairingId: null, authorityId: null };
    }
    if (!pairingId)
      throw new BadRequestException(`scope.pairingId is required for ${scope.level}.`);
    if (scope.level === 'pairing' && authorityId)
      throw new BadRequestException('A pairing item takes no authorityId (use the side scope).');
    if (scope.level === 'side' && !authorityId)
      throw new BadRequestException(
        'scope.authorityId is required for side: the city whose team sees it.',
      );
    const staff = actor.programmeRole !== null;
    if (staff) {
      const cities = await this.pairings.cities(pairingId);
      if (!cities.length) throw notMember('No such pairing.');
      if (authorityId && !cities.some((c) => c.id === authorityId))
        throw notMember("That city is not one of the pairing's.");
    } else {
      const memberships = await this.access.memberships(actor.userId);
      const ok = memberships.some(
        (m) => m.pairingId === pairingId && (!authorityId || m.authorityId === authorityId),
      );
      if (!ok)
        throw notMember(
          authorityId
            ? "Only the city's own team may share an item on its side."
            : "Only the pairing's members may share an item with it.",
        );
    }
    return { scopeLevel: scope.level, pairingId, authorityId };
  }

  /**
   * The city tag: the one asked for (null: none), else the side's city, else the author's city in
   * the pairing (or their first city, for a programme item). 400 for a city the directory lacks.
   */
  async city(
    actor: Person,
    placed: Placement,
    cityId: string | null | undefined,
  ): Promise<CityTag> {
    let id = cityId;
    if (id === undefined) {
      const memberships = await this.access.memberships(actor.userId);
      const own = memberships.find(
        (m) => m.authorityId && (!placed.pairingId || m.pairingId === placed.pairingId),
      );
      id = placed.authorityId ?? own?.authorityId ?? null;
    }
    if (id === null) return { cityId: null, cityCountry: null, cityRegion: null };
    const city = (await this.directory.authoritiesByIds([id])).get(id);
    if (!city) throw new BadRequestException('cityId is not a city of the directory.');
    return { cityId: id, cityCountry: city.countryIso, cityRegion: city.worldRegion };
  }
}
