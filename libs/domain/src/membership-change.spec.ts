import { membershipChange, needsConfirmation } from './membership-change.js';

const malaga = 'malaga-id';
const jingyue = 'jingyue-id';

describe('membershipChange', () => {
  it.each([
    [null, { role: 'editor', authorityId: malaga }, 'join', false],
    [
      { role: 'editor', authorityId: malaga },
      { role: 'editor', authorityId: malaga },
      'same',
      false,
    ],
    [{ role: 'editor', authorityId: malaga }, { role: 'editor', authorityId: null }, 'same', false],
    [
      { role: 'viewer', authorityId: malaga },
      { role: 'editor', authorityId: malaga },
      'raise',
      false,
    ],
    [
      { role: 'viewer', authorityId: null },
      { role: 'viewer', authorityId: malaga },
      'raise',
      false,
    ],
    [
      { role: 'coordinator', authorityId: malaga },
      { role: 'viewer', authorityId: null },
      'lower',
      true,
    ],
    [
      { role: 'viewer', authorityId: malaga },
      { role: 'coordinator', authorityId: jingyue },
      'move',
      true,
    ],
  ] as const)('%j offered %j → %s (confirm: %s)', (current, offered, kind, confirm) => {
    const change = membershipChange(current, offered);
    expect(change.kind).toBe(kind);
    expect(needsConfirmation(change.kind)).toBe(confirm);
  });

  it('keeps the current side when the invitation names none', () => {
    const change = membershipChange(
      { role: 'coordinator', authorityId: malaga },
      { role: 'editor', authorityId: null },
    );
    expect(change.next).toEqual({ role: 'editor', authorityId: malaga });
  });
});
