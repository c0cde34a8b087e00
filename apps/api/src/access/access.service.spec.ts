/**
 * The access service on a stand-in kind of object registered only here, with the visibilities the
 * library and the life-cycle will need: one city side's draft, the whole pairing, programme-wide
 * once reviewed, and a relation ('author': an applicant without a pairing). No new resolver: a
 * locator and a pure rule, against the real database.
 */
import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Standing } from '@iuc/domain';
import type { Actor } from './actor.js';
import { addMembership, createUser } from '../test/auth-helpers.js';
import { insertPairing, type PairingFixture } from '../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { AccessService } from './access.service.js';
import { readableScopeSql } from './readable-scopes.js';
import type { ResourceLocator } from './resource-locator.js';

type Visibility = 'side' | 'pairing' | 'programme';
interface StandIn {
  id: string;
  visibility: Visibility;
  reviewed: boolean;
}

/** The stand-in's rule, as a module would keep it in libs/domain. */
function mayRead(s: Standing, item: StandIn): boolean {
  if (s.programmeRole !== null || s.relations?.has('author')) return true;
  if (item.visibility === 'programme') return item.reviewed;
  if (item.visibility === 'pairing') return s.pairingRole !== null;
  return s.pairingRole !== null && s.ownSide === true;
}

const STAND_IN: ResourceLocator<StandIn> = {
  kind: 'stand-in',
  sql: `SELECT r.pairing_id, r.side, NULL::uuid AS authority_id,
               CASE WHEN r.author_id = u.id THEN '{author}'::text[] ELSE '{}'::text[] END AS relations,
               r.id AS item_id, r.visibility AS item_visibility, r.reviewed AS item_reviewed
          FROM stand_in r WHERE r.id = q.id`,
  toResource: (row) => ({
    id: row.item_id as string,
    visibility: row.item_visibility as Visibility,
    reviewed: row.item_reviewed as boolean,
  }),
  visible: mayRead,
  allows: (s, item, permission) =>
    permission === 'pairing.manage' && mayRead(s, item) && (s.relations?.has('author') ?? false),
  notFound: 'Stand-in not found.',
};

describe('access service on a stand-in kind', () => {
  let t: TestApp;
  let access: AccessService;
  let pairing: PairingFixture;
  const people: Record<
    'euCoordinator' | 'partnerEditor' | 'observer' | 'officer' | 'applicant',
    Actor
  > = {} as never;
  const items: Record<'euDraft' | 'pairingNote' | 'published' | 'application', string> =
    {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    access = t.app.get(AccessService);
    access.register(STAND_IN);
    pairing = await insertPairing(t.dataSource);
    const person = async (
      key: keyof typeof people,
      programmeRole: Actor['programmeRole'] = null,
    ) => {
      const user = await createUser(t.dataSource, {
        email: `${key}@example.org`,
        name: key,
        password: 'unused-password',
        programmeRole,
      });
      people[key] = {
        userId: user.id,
        email: user.email,
        name: key,
        programmeRole,
        sessionTokenHash: '',
        via: 'bearer',
      };
    };
    await person('euCoordinator');
    await person('partnerEditor');
    await person('observer');
    await person('officer', 'officer');
    await person('applicant');
    const { pairingId, euAuthorityId, partnerAuthorityId } = pairing;
    await addMembership(t.dataSource, {
      userId: people.euCoordinator.userId,
      pairingId,
      role: 'coordinator',
      authorityId: euAuthorityId,
    });
    await addMembership(t.dataSource, {
      userId: people.partnerEditor.userId,
      pairingId,
      role: 'editor',
      authorityId: partnerAuthorityId,
    });
    await addMembership(t.dataSource, {
      userId: people.observer.userId,
      pairingId,
      role: 'viewer',
      authorityId: null,
    });
    await t.dataSource.query(
      `CREATE TABLE stand_in (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), pairing_id uuid, side text,
         visibility text NOT NULL, reviewed boolean NOT NULL DEFAULT false, author_id uuid)`,
    );
    const item = async (
      key: keyof typeof items,
      values: {
        pairing?: boolean;
        side?: string;
        visibility: Visibility;
        reviewed?: boolean;
        author?: string;
      },
    ) => {
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        'INSERT INTO stand_in (pairing_id, side, visibility, reviewed, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [
          values.pairing ? pairingId : null,
          values.side ?? null,
          values.visibility,
          values.reviewed ?? false,
          values.author ?? null,
        ],
      );
      items[key] = id;
    };
    await item('euDraft', { pairing: true, side: 'eu', visibility: 'side' });
    await item('pairingNote', { pairing: true, visibility: 'pairing' });
    await item('published', { visibility: 'programme', reviewed: true });
    await item('application', { visibility: 'programme', author: people.applicant.userId });
  });
  afterAll(() => t.close());

  /** Who may read what, as `require` answers it: a name per readable item. */
  async function readable(actor: Actor): Promise<string[]> {
    const found: string[] = [];
    for (const [key, id] of Object.entries(items)) {
      const outcome = await access.require(actor, 'directory.read', 'stand-in', [id]).then(
        () => 'ok',
        (err: unknown) =>
          err instanceof NotFoundException
            ? '404'
            : err instanceof ForbiddenException
              ? '403'
              : String(err),
      );
      // 'directory.read' is not one the stand-in grants: readable items answer 403, the others 404.
      if (outcome === '403') found.push(key);
      else expect(outcome).toBe('404');
    }
    return found;
  }

  it('shows a side draft to its side only, a pairing note to the pairing, a reviewed item to all, an application to its author', async () => {
    expect(await readable(people.euCoordinator)).toEqual(['euDraft', 'pairingNote', 'published']);
    expect(await readable(people.partnerEditor)).toEqual(['pairingNote', 'published']);
    expect(await readable(people.observer)).toEqual(['pairingNote', 'published']);
    expect(await readable(people.officer)).toEqual([
      'euDraft',
      'pairingNote',
      'published',
      'application',
    ]);
    expect(await readable(people.applicant)).toEqual(['published', 'application']);
  });

  it('resolves many (person, item) pairs in one call, with the scope, side and relations', async () => {
    const asked = [
      { who: { userId: people.euCoordinator.userId }, id: items.euDraft },
      { who: { userId: people.partnerEditor.userId }, id: items.euDraft },
      { who: { userId: people.applicant.userId }, id: items.application },
      { who: { userId: people.applicant.userId }, id: '00000000-0000-4000-8000-000000000000' },
      { who: { userId: people.applicant.userId }, id: 'not-a-uuid' },
    ];
    const [own, other, author, unknown, malformed] = await access.resolve<StandIn>(
      'stand-in',
      asked,
    );
    expect(own.scope).toEqual({ pairingId: pairing.pairingId, side: 'eu', authorityId: null });
    expect(own.standing).toMatchObject({ pairingRole: 'coordinator', ownSide: true });
    expect(other.standing).toMatchObject({ pairingRole: 'editor', ownSide: false });
    expect(author.scope).toEqual({ pairingId: null, side: null, authorityId: null });
    expect([...(author.standing.relations ?? [])]).toEqual(['author']);
    expect(author.standing.pairingRole).toBeNull();
    expect(author.person).toMatchObject({ userId: people.applicant.userId, enabled: true });
    expect([unknown.resource, malformed.resource]).toEqual([null, null]);
  });

  it('answers 403 for a visible item the rule does not allow, and lets the author manage theirs', async () => {
    await expect(
      access.require(people.applicant, 'pairing.manage', 'stand-in', [items.application]),
    ).resolves.toBeUndefined();
    await expect(
      access.require(people.applicant, 'pairing.manage', 'stand-in', [items.published]),
    ).rejects.toThrow(ForbiddenException);
    await expect(
      access.require(people.euCoordinator, 'pairing.manage', 'stand-in', [items.application]),
    ).rejects.toThrow(new NotFoundException('Stand-in not found.'));
  });

  it('filters a list query by the readable scopes, in SQL', async () => {
    const list = async (actor: Actor): Promise<string[]> => {
      const scopes = await access.readableScopes(actor);
      const where = readableScopeSql(
        scopes,
        { pairing: 'r.pairing_id', side: 'r.side', authority: 'NULL::uuid' },
        2,
      );
      const rows: { id: string }[] = await t.dataSource.query(
        `SELECT r.id FROM stand_in r
          WHERE ${scopes.everywhere} OR r.author_id = $1
             OR (r.visibility = 'programme' AND r.reviewed)
             OR (r.visibility = 'pairing' AND r.pairing_id IS NOT NULL AND ${where.inPairing})
             OR (r.visibility = 'side' AND ${where.inPairing} AND ${where.onOwnSide})`,
        [actor.userId, ...where.params],
      );
      const names = new Map(Object.entries(items).map(([k, v]) => [v, k]));
      return rows.map((r) => names.get(r.id) ?? r.id).sort();
    };
    for (const actor of Object.values(people))
      expect(await list(actor)).toEqual((await readable(actor)).sort());
  });
});
