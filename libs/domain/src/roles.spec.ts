import {
  can,
  grantableRoles,
  PERMISSIONS,
  type PairingRole,
  type Permission,
  type Standing,
} from './roles.js';

type Role = 'admin' | 'officer' | 'coordinator' | 'editor' | 'viewer' | 'none';

const STANDINGS: Record<Role, Standing> = {
  admin: { programmeRole: 'admin', pairingRole: null },
  officer: { programmeRole: 'officer', pairingRole: null },
  coordinator: { programmeRole: null, pairingRole: 'coordinator' },
  editor: { programmeRole: null, pairingRole: 'editor' },
  viewer: { programmeRole: null, pairingRole: 'viewer' },
  none: { programmeRole: null, pairingRole: null },
};

/**
 * The expected matrix, written out: any change to who may do what must change this table too, so
 * it shows up in review. Columns: admin, officer, coordinator, editor, viewer, none.
 */
// prettier-ignore
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  'directory.read':          { admin: true,  officer: true,  coordinator: true,  editor: true,  viewer: true,  none: true },
  'pairing.members.contact': { admin: true,  officer: true,  coordinator: true,  editor: true,  viewer: true,  none: false },
  'pairing.invite':          { admin: true,  officer: true,  coordinator: true,  editor: false, viewer: false, none: false },
  'pairing.manage':          { admin: true,  officer: true,  coordinator: false, editor: false, viewer: false, none: false },
  'mail.outbox.read':        { admin: true,  officer: false, coordinator: false, editor: false, viewer: false, none: false },
  'user.manage':             { admin: true,  officer: false, coordinator: false, editor: false, viewer: false, none: false },
  'discussion.read':         { admin: true,  officer: true,  coordinator: true,  editor: true,  viewer: true,  none: false },
  'discussion.post':         { admin: true,  officer: true,  coordinator: true,  editor: true,  viewer: true,  none: false },
  'discussion.channel.manage': { admin: true, officer: true, coordinator: true,  editor: false, viewer: false, none: false },
};

const EXPECTED_GRANTABLE: Record<Role, PairingRole[]> = {
  admin: ['coordinator', 'editor', 'viewer'],
  officer: ['coordinator', 'editor', 'viewer'],
  coordinator: ['editor', 'viewer'],
  editor: [],
  viewer: [],
  none: [],
};

describe('role matrix', () => {
  it('lists every permission in the expected table, and nothing else', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  const cells = PERMISSIONS.flatMap((permission) =>
    (Object.keys(STANDINGS) as Role[]).map(
      (role) => [role, permission, EXPECTED[permission]?.[role]] as const,
    ),
  );
  it.each(cells)('%s → %s: %s', (role, permission, expected) => {
    expect(can(STANDINGS[role], permission)).toBe(expected);
  });

  it('a programme role counts whatever the pairing role (an officer who is also a viewer may manage)', () => {
    expect(can({ programmeRole: 'officer', pairingRole: 'viewer' }, 'pairing.manage')).toBe(true);
    expect(can({ programmeRole: 'officer', pairingRole: 'coordinator' }, 'user.manage')).toBe(
      false,
    );
  });
});

describe('grantableRoles', () => {
  it.each(Object.keys(STANDINGS) as Role[])('%s may grant the expected roles', (role) => {
    expect(grantableRoles(STANDINGS[role])).toEqual(EXPECTED_GRANTABLE[role]);
  });

  it('programme staff grant every role even when they are also a viewer of the pairing', () => {
    expect(grantableRoles({ programmeRole: 'officer', pairingRole: 'viewer' })).toEqual([
      'coordinator',
      'editor',
      'viewer',
    ]);
  });

  it('only roles held by someone with pairing.invite can grant anything', () => {
    for (const role of Object.keys(STANDINGS) as Role[]) {
      if (grantableRoles(STANDINGS[role]).length > 0)
        expect(can(STANDINGS[role], 'pairing.invite')).toBe(true);
    }
  });

  it('returns a fresh array each time (callers may not mutate the shared list)', () => {
    const roles = grantableRoles(STANDINGS.admin);
    roles.pop();
    expect(grantableRoles(STANDINGS.admin)).toHaveLength(3);
  });
});
