/**
 * Members of part of a pairing, batched: what notifications ask to know whom to tell (a plan's
 * city writers, one side, the whole pairing). Disabled accounts are never among them.
 */
import { addMembership, createUser } from '../test/auth-helpers.js';
import { insertPairing, type PairingFixture } from '../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { EventBus } from '../events/event-bus.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { MembershipsService } from './memberships.service.js';

describe('MembershipsService.membersOf', () => {
  let t: TestApp;
  let pairing: PairingFixture;
  let other: PairingFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    pairing = await insertPairing(t.dataSource);
    other = await insertPairing(t.dataSource);
    const member = async (
      name: string,
      p: PairingFixture,
      role: 'coordinator' | 'editor' | 'viewer',
      city: 'eu' | 'partner' | null,
    ) => {
      const user = await createUser(t.dataSource, {
        email: `${name}@example.org`,
        name,
        password: 'unused-password',
      });
      ids[user.id] = name;
      const authorityId =
        city === 'eu' ? p.euAuthorityId : city === 'partner' ? p.partnerAuthorityId : null;
      await addMembership(t.dataSource, {
        userId: user.id,
        pairingId: p.pairingId,
        role,
        authorityId,
      });
      return user.id;
    };
    await member('euCoordinator', pairing, 'coordinator', 'eu');
    await member('euViewer', pairing, 'viewer', 'eu');
    await member('partnerEditor', pairing, 'editor', 'partner');
    await member('observer', pairing, 'viewer', null);
    const disabled = await member('disabledEditor', pairing, 'editor', 'eu');
    await t.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled]);
    await member('elsewhere', other, 'coordinator', 'eu');
  });
  afterAll(() => t.close());

  it('answers each scope in order, in one call', async () => {
    const memberships = t.app.get(MembershipsService);
    const names = (
      await memberships.membersOf([
        { pairingId: pairing.pairingId },
        {
          pairingId: pairing.pairingId,
          authorityId: pairing.euAuthorityId,
          roles: ['coordinator', 'editor'],
        },
        { pairingId: pairing.pairingId, side: 'partner' },
        { pairingId: other.pairingId, roles: ['viewer'] },
      ])
    ).map((members) => members.map((id) => ids[id]).sort());
    expect(names).toEqual([
      ['euCoordinator', 'euViewer', 'observer', 'partnerEditor'],
      ['euCoordinator'],
      ['partnerEditor'],
      [],
    ]);
  });
});

describe('MembershipsService.write', () => {
  let t: TestApp;
  let pairing: PairingFixture;
  beforeAll(async () => {
    t = await startTestApp();
    pairing = await insertPairing(t.dataSource);
  });
  afterAll(() => t.close());

  it('announces member.added through the outbox once committed, and nothing when it wrote nothing', async () => {
    const memberships = t.app.get(MembershipsService);
    const heard: unknown[] = [];
    t.app.get(EventBus).subscribe('member.added', ({ payload }) => {
      if (payload.pairingId === pairing.pairingId) heard.push(payload);
    });
    const user = await createUser(t.dataSource, {
      email: 'joiner@example.org',
      name: 'Joiner',
      password: 'unused-password',
    });
    const place = { role: 'editor' as const, authorityId: pairing.euAuthorityId };
    const join = () =>
      t.dataSource.transaction((tx) =>
        memberships.write(tx, user.id, pairing.pairingId, place, 'join'),
      );
    // Rolled back: neither the membership nor its event exists.
    await t.dataSource
      .transaction(async (tx) => {
        expect(await memberships.write(tx, user.id, pairing.pairingId, place, 'join')).toBe(true);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await join()).toBe(true);
    expect(await join()).toBe(false); // already a member: nothing written, nothing announced
    await t.app.get(OutboxRelay).deliverSoon();
    expect(heard).toEqual([
      {
        pairingId: pairing.pairingId,
        userId: user.id,
        role: 'editor',
        authorityId: pairing.euAuthorityId,
      },
    ]);
  });
});
