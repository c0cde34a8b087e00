/**
 * Writes the demo data: upserts by stable key (slug, email), in one transaction, so it is safe at
 * every start. Rows the seed owns are brought back to the seed's values; rows it does not know
 * (people invited later and their memberships) are left alone.
 */
import {
  type DataSource,
  type QueryDeepPartialEntity,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import { UserEntity } from '../../auth/users/user.entity.js';
import { verifyPassword } from '../../auth/login/password.js';
import { AuthorityEntity } from '../../directory/authority.entity.js';
import { MunicipalityGroupEntity } from '../../directory/municipality-group.entity.js';
import { CallEntity } from '../../pairings/call.entity.js';
import { MembershipEntity } from '../../pairings/membership.entity.js';
import { PairingAuthorityEntity } from '../../pairings/pairing-authority.entity.js';
import { PairingEntity } from '../../pairings/pairing.entity.js';
import { createMissingPlans } from '../../plans/documents/plan-provisioning.repository.js';
import { writeStarterContent } from '../plan-starter.js';
import { writeDefaultChannels } from '../../discussions/channels/default-channels.repository.js';
import { writeStarterConversation } from '../discussion-starter.js';
import type { AuthoritySeed } from './authorities.js';
import type { DemoData } from './demo-data.js';

/** Two API instances starting together must not seed at once. */
const SEED_LOCK = 4242002;

/** Insert, or update by stable key; a row whose values are unchanged is not rewritten at all. */
function upsertBy<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: QueryDeepPartialEntity<E>[],
  key: string[],
): Promise<unknown> {
  return manager.upsert(entity, rows, { conflictPaths: key, skipUpdateIfNoValuesChanged: true });
}

type Ids = Map<string, string>;

function idOf(ids: Ids, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo seed: ${what} "${key}" is not in the seed.`);
  return id;
}

export class DemoSeeder {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The password hash the demo accounts already share, when it still matches `password`: reusing
   * it spares an argon2 hash and leaves the users untouched. Null when a new hash is needed.
   */
  async reusableHash(emails: readonly string[], password: string): Promise<string | null> {
    const rows: { password_hash: string }[] = await this.dataSource.query(
      `SELECT password_hash FROM users WHERE email = ANY($1) AND password_hash IS NOT NULL
       GROUP BY password_hash ORDER BY count(*) DESC LIMIT 1`,
      [emails],
    );
    const hash = rows[0]?.password_hash ?? null;
    return hash && (await verifyPassword(hash, password)) ? hash : null;
  }

  async write(data: DemoData, passwordHash: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      await this.writeCalls(manager, data);
      const authorityIds = await this.writeAuthorities(manager, data.authorities);
      const groupIds = await this.writeGroups(manager, data, authorityIds);
      const pairingIds = await this.writePairings(manager, data, authorityIds, groupIds);
      await writeDefaultChannels(manager, [...pairingIds.values()]);
      await this.writeAccounts(manager, data, passwordHash, authorityIds, pairingIds);
      // A plan for every city side; plans already there (and their workflow status) are kept.
      await createMissingPlans(manager, [...pairingIds.values()]);
      // A conversation in the first pairing's General channel, once, while it is empty.
      await writeStarterConversation(manager);
    });
  }

  /** Starter text and actions for a few plans (after `write`: the plans must exist). */
  writeStarterContent(): Promise<void> {
    return writeStarterContent(this.dataSource, SEED_LOCK);
  }

  private async writeCalls(manager: EntityManager, data: DemoData): Promise<void> {
    const rows = data.calls.map((c) => ({
      code: c.code,
      name: c.name,
      component: c.component,
      regionalProgramme: c.regionalProgramme,
      minPopulation: c.minPopulation,
      termMonths: c.termMonths,
      targetCountries: [...c.targetCountries],
    }));
    await upsertBy(manager, CallEntity, rows, ['code']);
  }

  /** Parents first, so a child's parent_id can be set in the same statement that writes it. */
  private async writeAuthorities(
    manager: EntityManager,
    seeds: readonly AuthoritySeed[],
  ): Promise<Ids> {
    const ids: Ids = new Map();
    let pending = [...seeds];
    while (pending.length) {
      const ready = pending.filter((a) => !a.parent || ids.has(a.parent));
      if (!ready.length)
        throw new Error(
          `Demo seed: unknown or circular parents among ${pending.map((a) => a.slug).join(', ')}.`,
        );
      const rows = ready.map((a) => ({
        slug: a.slug,
        name: a.name,
        localName: a.localName,
        aliases: a.aliases ?? [],
        kind: a.kind,
        parentId: a.parent ? idOf(ids, a.parent, 'authority') : null,
        countryIso: a.countryIso,
        worldRegion: a.worldRegion,
        population: a.population?.value ?? null,
        populationYear: a.population?.year ?? null,
        populationScope: a.population?.scope ?? null,
        populationSource: a.population?.source ?? null,
        languages: a.languages,
        timeZone: a.timeZone,
        lat: a.lat,
        lon: a.lon,
      }));
      await upsertBy(manager, AuthorityEntity, rows, ['slug']);
      const written = await this.idsByKey(
        manager,
        AuthorityEntity,
        'slug',
        ready.map((a) => a.slug),
      );
      written.forEach((id, slug) => ids.set(slug, id));
      pending = pending.filter((a) => !ids.has(a.slug));
    }
    return ids;
  }

  private async writeGroups(
    manager: EntityManager,
    data: DemoData,
    authorityIds: Ids,
  ): Promise<Ids> {
    const rows = data.groups.map((g) => ({
      slug: g.slug,
      name: g.name,
      leadAuthorityId: idOf(authorityIds, g.lead, 'authority'),
      coordinatingBody: g.coordinatingBody,
    }));
    await upsertBy(manager, MunicipalityGroupEntity, rows, ['slug']);
    const ids = await this.idsByKey(
      manager,
      MunicipalityGroupEntity,
      'slug',
      data.groups.map((g) => g.slug),
    );
    for (const group of data.groups) {
      const groupId = idOf(ids, group.slug, 'group');
      const memberIds = group.members.map((m) => idOf(authorityIds, m, 'authority'));
      // The join table has no entity of its own.
      await manager.query(
        'DELETE FROM municipality_group_members WHERE group_id = $1 AND NOT (authority_id = ANY($2::uuid[]))',
        [groupId, memberIds],
      );
      await manager.query(
        'INSERT INTO municipality_group_members (group_id, authority_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
        [groupId, memberIds],
      );
    }
    return ids;
  }

  private async writePairings(
    manager: EntityManager,
    data: DemoData,
    authorityIds: Ids,
    groupIds: Ids,
  ): Promise<Ids> {
    const rows = data.pairings.map((p) => ({
      slug: p.slug,
      callCode: p.callCode,
      themes: p.themes,
      status: p.status,
      startDate: p.startDate,
      termMonths: p.termMonths,
      description: p.description,
      notes: p.notes,
      euGroupId: p.euGroup ? idOf(groupIds, p.euGroup, 'group') : null,
      partnerGroupId: p.partnerGroup ? idOf(groupIds, p.partnerGroup, 'group') : null,
    }));
    await upsertBy(manager, PairingEntity, rows, ['slug']);
    const ids = await this.idsByKey(
      manager,
      PairingEntity,
      'slug',
      data.pairings.map((p) => p.slug),
    );

    for (const pairing of data.pairings) {
      const pairingId = idOf(ids, pairing.slug, 'pairing');
      const sides = [
        ...pairing.eu.map((slug, position) => ({
          pairingId,
          authorityId: idOf(authorityIds, slug, 'authority'),
          side: 'eu' as const,
          position,
        })),
        ...pairing.partner.map((slug, position) => ({
          pairingId,
          authorityId: idOf(authorityIds, slug, 'authority'),
          side: 'partner' as const,
          position,
        })),
      ];
      await manager
        .createQueryBuilder()
        .delete()
        .from(PairingAuthorityEntity)
        .where('pairing_id = :pairingId AND authority_id NOT IN (:...authorityIds)', {
          pairingId,
          authorityIds: sides.map((s) => s.authorityId),
        })
        .execute();
      await upsertBy(manager, PairingAuthorityEntity, sides, ['pairingId', 'authorityId']);
    }
    return ids;
  }

  private async writeAccounts(
    manager: EntityManager,
    data: DemoData,
    passwordHash: string,
    authorityIds: Ids,
    pairingIds: Ids,
  ): Promise<void> {
    const users = data.accounts.map((a) => ({
      email: a.email,
      name: a.name,
      passwordHash,
      programmeRole: a.programmeRole,
    }));
    await upsertBy(manager, UserEntity, users, ['email']);
    const userIds = await this.idsByKey(
      manager,
      UserEntity,
      'email',
      data.accounts.map((a) => a.email),
    );
    const memberships = data.accounts.flatMap((account) =>
      account.memberships.map((m) => ({
        userId: idOf(userIds, account.email, 'account'),
        pairingId: idOf(pairingIds, m.pairing, 'pairing'),
        role: m.role,
        authorityId: m.authority ? idOf(authorityIds, m.authority, 'authority') : null,
      })),
    );
    await upsertBy(manager, MembershipEntity, memberships, ['userId', 'pairingId']);
  }

  /** id by stable key (slug or email) for the given keys. */
  private async idsByKey(
    manager: EntityManager,
    entity: EntityTarget<ObjectLiteral>,
    key: 'slug' | 'email',
    values: readonly string[],
  ): Promise<Ids> {
    const rows: { id: string; key: string }[] = await manager
      .createQueryBuilder(entity, 'e')
      .select('e.id', 'id')
      .addSelect(`e.${key}`, 'key')
      .where(`e.${key} IN (:...values)`, { values })
      .getRawMany();
    return new Map(rows.map((r) => [r.key, r.id]));
  }
}
