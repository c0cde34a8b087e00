import fc from 'fast-check';
import {
  channelRights,
  mentionedHandles,
  mentionHandle,
  replaceMentions,
  type ChannelKind,
  type ChannelStanding,
} from './discussions.js';
import type { PairingRole, ProgrammeRole } from './roles.js';

const base = { archived: false, ownSide: false } as const;
const standing = (
  programmeRole: ProgrammeRole | null,
  pairingRole: PairingRole | null,
  kind: ChannelKind,
  extra: Partial<ChannelStanding> = {},
): ChannelStanding => ({ ...base, programmeRole, pairingRole, kind, ...extra });

describe('channelRights', () => {
  // Columns: read, post, manage.
  // prettier-ignore
  const cases: [string, ChannelStanding, [boolean, boolean, boolean]][] = [
    ['coordinator, general',             standing(null, 'coordinator', 'general'),                 [true,  true,  false]],
    ['coordinator, topic',               standing(null, 'coordinator', 'topic'),                   [true,  true,  true]],
    ['editor, topic',                    standing(null, 'editor', 'topic'),                        [true,  true,  false]],
    ['viewer, general',                  standing(null, 'viewer', 'general'),                      [true,  true,  false]],
    ['non-member, general',              standing(null, null, 'general'),                          [false, false, false]],
    ['non-member, topic',                standing(null, null, 'topic'),                            [false, false, false]],
    ['coordinator, own city channel',    standing(null, 'coordinator', 'city', { ownSide: true }), [true,  true,  false]],
    ['coordinator, other city channel',  standing(null, 'coordinator', 'city'),                    [false, false, false]],
    ['viewer (no side), city channel',   standing(null, 'viewer', 'city'),                         [false, false, false]],
    ['officer, city channel',            standing('officer', null, 'city'),                        [true,  true,  false]],
    ['admin, topic',                     standing('admin', null, 'topic'),                         [true,  true,  true]],
    ['coordinator, archived topic',      standing(null, 'coordinator', 'topic', { archived: true }), [true, false, true]],
    ['editor, archived general',         standing(null, 'editor', 'general', { archived: true }),  [true,  false, false]],
  ];
  it.each(cases)('%s', (_, s, [read, post, manage]) => {
    expect(channelRights(s)).toEqual({ read, post, manage });
  });

  it('never lets someone post or manage where they cannot read', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ProgrammeRole | null>(null, 'admin', 'officer'),
        fc.constantFrom<PairingRole | null>(null, 'coordinator', 'editor', 'viewer'),
        fc.constantFrom<ChannelKind>('general', 'topic', 'city'),
        fc.boolean(),
        fc.boolean(),
        (programmeRole, pairingRole, kind, ownSide, archived) => {
          const r = channelRights({ programmeRole, pairingRole, kind, ownSide, archived });
          return (!r.post || r.read) && (!r.manage || r.read) && (!archived || !r.post);
        },
      ),
    );
  });
});

describe('mentions', () => {
  it('derives handles from names without accents or spaces', () => {
    expect(mentionHandle('Lucía Ortega')).toBe('lucia.ortega');
    expect(mentionHandle('  Ciarán  McAllister ')).toBe('ciaran.mcallister');
    expect(mentionHandle('Kateřina Dvořáková')).toBe('katerina.dvorakova');
    expect(mentionHandle('王丽')).toBe('王丽');
    expect(mentionHandle('---')).toBe('');
  });

  it('finds @handles, once each, but not e-mail addresses', () => {
    expect(
      mentionedHandles('Hi @lucia.ortega and @Wang.Li, see @lucia.ortega. Mail me at a@b.org'),
    ).toEqual(['lucia.ortega', 'wang.li']);
    expect(mentionedHandles('@Lucía.Ortega!')).toEqual(['lucia.ortega']);
    expect(mentionedHandles('no mention @ here, nor @')).toEqual([]);
  });

  it('replaces the mentions it finds, as written, with their handles; e-mail addresses stay', () => {
    expect(
      replaceMentions(
        'Hi @Lucía.Ortega, mail a@b.org',
        (written, handle) => `[${written}|${handle}]`,
      ),
    ).toBe('Hi [@Lucía.Ortega|lucia.ortega], mail a@b.org');
  });

  it('a name is always found by the mention of its own handle', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (name) => {
        const handle = mentionHandle(name);
        if (!handle) return true;
        return mentionedHandles(`hello @${handle} !`).includes(handle);
      }),
    );
  });
});
