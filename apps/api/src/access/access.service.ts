import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  can,
  type AccessPermission,
  type Permission,
  type Scope,
  type Standing,
} from '@iuc/domain';
import { isUuid } from '../common/ids.js';
import type { Actor } from './actor.js';
import {
  AccessRepository,
  type LiveSessions,
  type MembershipScope,
  type StandingRow,
} from './access.repository.js';
import type { ReadableScopes } from './readable-scopes.js';
import type { Resolution, ResourceLocator, Who } from './resource-locator.js';

export type { LiveSessions } from './access.repository.js';

/** What the access check reads of an actor: who they are and their programme role. */
export type Person = Pick<Actor, 'userId' | 'programmeRole'>;

/**
 * The one access check, for every kind of object, batched. Modules register a locator per kind
 * (where an object sits, which relations a person holds to it) and keep their rules in libs/domain;
 * this service reads who the person is to it in one statement. Deny by default. What the person may
 * not know exists answers 404, what they may know of but not do 403.
 */
@Injectable()
export class AccessService {
  private readonly locators = new Map<string, ResourceLocator>();

  constructor(private readonly repository: AccessRepository) {}

  /** Called by the owning module at its init. */
  register(locator: ResourceLocator): void {
    if (this.locators.has(locator.kind))
      throw new Error(`A locator for '${locator.kind}' is registered already`);
    this.locators.set(locator.kind, locator);
  }

  /**
   * Who each person is to each object, in one statement: one resolution per item, in order. An id
   * that is no uuid resolves like an unknown object.
   */
  async resolve<R>(
    kind: string,
    items: readonly { who: Who; id: string }[],
  ): Promise<Resolution<R>[]> {
    const locator = this.locator<R>(kind);
    const asked = items.map((i) => ({ who: i.who, id: isUuid(i.id) ? i.id : null }));
    const rows = await this.repository.standings(locator as ResourceLocator, asked);
    return rows.map((row) => toResolution(locator, row));
  }

  /** The actor's standing towards each object (absent: unknown); the batched form for lists. */
  async standings(
    actor: Person,
    kind: string,
    ids: readonly string[],
  ): Promise<Map<string, Standing>> {
    const resolved = await this.resolveFor(actor, kind, ids);
    const standings = new Map<string, Standing>();
    resolved.forEach((r, i) => r.resource !== null && standings.set(ids[i], r.standing));
    return standings;
  }

  /**
   * Throws unless the actor holds `permission` on every one of the objects: 404 for one that does
   * not exist or that they may not know of, 403 otherwise.
   */
  async require(
    actor: Person,
    permission: AccessPermission,
    kind: string,
    ids: readonly string[],
  ): Promise<void> {
    const locator = this.locator(kind);
    const decided = await this.resolveFor(actor, kind, [...new Set(ids)]);
    if (decided.some((r) => r.resource === null || !locator.visible(r.standing, r.resource))) {
      throw new NotFoundException(locator.notFound);
    }
    if (decided.some((r) => !locator.allows(r.standing, r.resource, permission))) {
      throw new ForbiddenException(`You are not allowed to do this (${permission}).`);
    }
  }

  /** Throws unless the actor's programme role holds `permission` (programme-wide actions). */
  requireProgramme(actor: Person, permission: Permission): void {
    if (!can({ programmeRole: actor.programmeRole, pairingRole: null }, permission)) {
      throw new ForbiddenException(`You are not allowed to do this (${permission}).`);
    }
  }

  /** Where the actor may read, for list and search queries (see readable-scopes.ts). */
  async readableScopes(actor: Person): Promise<ReadableScopes> {
    if (actor.programmeRole !== null) return { everywhere: true, pairingIds: [], sides: [] };
    const memberships = await this.memberships(actor.userId);
    return {
      everywhere: false,
      pairingIds: memberships.map((m) => m.pairingId),
      sides: memberships.flatMap((m) =>
        m.side && m.authorityId
          ? [{ pairingId: m.pairingId, side: m.side, authorityId: m.authorityId }]
          : [],
      ),
    };
  }

  /** The person's memberships (pairing, role, city and side), oldest first: what they belong to. */
  memberships(userId: string): Promise<MembershipScope[]> {
    return this.repository.memberships(userId);
  }

  /** Which of these session hashes are live, until when, at which access epoch. */
  liveSessions(tokenHashes: readonly string[]): Promise<LiveSessions> {
    return this.repository.liveSessions(tokenHashes);
  }

  /** The current access epoch: decisions made before it are stale. */
  currentEpoch(): Promise<number> {
    return this.repository.currentEpoch();
  }

  /**
   * The actor's resolution of each object, in order. The session's programme role decides, as the
   * request's actor was resolved with it.
   */
  private async resolveFor(
    actor: Person,
    kind: string,
    ids: readonly string[],
  ): Promise<Resolution[]> {
    const resolved = await this.resolve(
      kind,
      ids.map((id) => ({ who: { userId: actor.userId }, id })),
    );
    return resolved.map((r) => ({
      ...r,
      standing: { ...r.standing, programmeRole: actor.programmeRole },
    }));
  }

  private locator<R>(kind: string): ResourceLocator<R> {
    const locator = this.locators.get(kind);
    if (!locator) throw new Error(`No access locator is registered for '${kind}'`);
    return locator as ResourceLocator<R>;
  }
}

function toResolution<R>(locator: ResourceLocator<R>, row: StandingRow): Resolution<R> {
  const found = row.access_found === true;
  const scope: Scope | null = found
    ? { pairingId: row.pairing_id, side: row.side, authorityId: row.authority_id }
    : null;
  return {
    person: row.access_user_id
      ? {
          userId: row.access_user_id,
          name: row.access_user_name ?? '',
          enabled: row.access_enabled === true,
          sessionExpiresAt: row.access_session_expires_at,
        }
      : null,
    resource: found ? locator.toResource(row) : null,
    scope,
    standing: {
      programmeRole: row.access_programme_role,
      pairingRole: row.access_pairing_role,
      ownSide: row.access_own_side === true,
      relations: new Set(row.relations ?? []),
    },
    epoch: Number(row.access_epoch),
  };
}
