import { describe, expect, it } from '@jest/globals';
import type { MessageDto } from '@iuc/domain';
import { dayKey } from '../../i18n/format';
import { buildRows } from './rows';

const message = (id: string, createdAt: string): MessageDto => ({
  id,
  channelId: 'c',
  parentId: null,
  author: { id: 'u', name: 'U' },
  body: id,
  createdAt,
  editedAt: null,
  deletedAt: null,
  reactions: [],
  replyCount: 0,
  lastReplyAt: null,
  mentions: [],
});

describe('buildRows', () => {
  const messages = [
    message('a', '2024-03-01T15:00:00.000Z'),
    message('b', '2024-03-01T17:30:00.000Z'),
    message('c', '2024-03-02T09:00:00.000Z'),
  ];

  it('starts a new day in the viewer’s time zone, not in UTC', () => {
    // 17:30 UTC is already the next day in Jingyue (UTC+8), still the same day in Málaga.
    const kinds = (tz: string) =>
      buildRows(messages, { timeZone: tz }).map((r) => (r.kind === 'day' ? r.day : r.key));
    expect(kinds('Europe/Madrid')).toEqual(['2024-03-01', 'a', 'b', '2024-03-02', 'c']);
    expect(kinds('Asia/Shanghai')).toEqual(['2024-03-01', 'a', '2024-03-02', 'b', 'c']);
  });

  it('puts the unread divider just before the first unread message', () => {
    const rows = buildRows(messages, { firstUnreadId: 'c', timeZone: 'UTC' });
    expect(rows.map((r) => r.key)).toEqual([
      'day-2024-03-01',
      'a',
      'b',
      'day-2024-03-02',
      'unread',
      'c',
    ]);
    expect(
      buildRows(messages, { firstUnreadId: null, timeZone: 'UTC' }).some(
        (r) => r.kind === 'unread',
      ),
    ).toBe(false);
  });

  it('formats day keys as YYYY-MM-DD', () => {
    expect(dayKey('2024-12-31T23:30:00.000Z', 'Asia/Tokyo')).toBe('2025-01-01');
  });
});
