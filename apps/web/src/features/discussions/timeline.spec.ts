import { describe, expect, it } from '@jest/globals';
import type { MessageDto, MessagePageDto } from '@iuc/domain';
import { EMPTY_TIMELINE, mergeMessages, timelineReducer, type Timeline } from './timeline';

const ME = 'me';
let seq = 0;
function message(id: string, minute: number, extra: Partial<MessageDto> = {}): MessageDto {
  seq += 1;
  return {
    id,
    channelId: 'c1',
    parentId: null,
    author: { id: 'u1', name: 'Lucía' },
    body: `body ${id} ${seq}`,
    createdAt: new Date(Date.UTC(2024, 0, 1, 10, minute)).toISOString(),
    editedAt: null,
    deletedAt: null,
    reactions: [],
    replyCount: 0,
    lastReplyAt: null,
    mentions: [],
    ...extra,
  };
}
const page = (
  messages: MessageDto[],
  nextCursor: string | null,
  prevCursor: string | null,
): MessagePageDto => ({
  messages,
  nextCursor,
  prevCursor,
});
const ids = (t: Timeline) => t.messages.map((m) => m.id);
const apply = (state: Timeline, ...actions: Parameters<typeof timelineReducer>[1][]) =>
  actions.reduce(timelineReducer, state);

describe('mergeMessages', () => {
  it('keeps one copy per id, in history order, whatever order pages and events arrive in', () => {
    const a = message('a', 1);
    const b = message('b', 2);
    const c = message('c', 3);
    expect(mergeMessages([c], [b, a, c]).map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(mergeMessages([a, b], [b, c, a]).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('orders messages created in the same millisecond by id', () => {
    const x = message('x', 5);
    const w = message('w', 5);
    expect(mergeMessages([x], [w]).map((m) => m.id)).toEqual(['w', 'x']);
  });

  it('never lets a stale copy undo an edit or a deletion', () => {
    const original = message('a', 1);
    const edited = { ...original, body: 'edited', editedAt: '2024-01-01T11:00:00.000Z' };
    const deleted = { ...original, body: '', deletedAt: '2024-01-01T12:00:00.000Z' };
    expect(mergeMessages([edited], [original])[0].body).toBe('edited');
    expect(mergeMessages([deleted], [edited])[0].deletedAt).not.toBeNull();
    expect(mergeMessages([original], [edited])[0].body).toBe('edited');
  });
});

describe('timelineReducer', () => {
  it('pages back with the older cursor and forward (catch-up) with the newer one', () => {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((id, i) => message(id, i));
    let t = apply(EMPTY_TIMELINE, { type: 'latest', page: page([d, c], 'cur-c', 'cur-d') });
    expect(ids(t)).toEqual(['c', 'd']);
    expect(t).toMatchObject({ olderCursor: 'cur-c', newerCursor: 'cur-d', loaded: true });

    t = apply(t, { type: 'older', page: page([b, a], null, 'cur-b') });
    expect(ids(t)).toEqual(['a', 'b', 'c', 'd']);
    expect(t.olderCursor).toBeNull();

    // Live: e arrives; then a reconnect's catch-up returns d again and e: merged, not duplicated.
    t = apply(t, { type: 'new', message: e }, { type: 'newer', page: page([d, e], null, 'cur-d') });
    expect(ids(t)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(t.newerCursor).toBe('cur-d');
  });

  it('keeps the way back when the latest page is fetched again (refresh after a reconnect)', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id, i) => message(id, i));
    let t = apply(EMPTY_TIMELINE, { type: 'latest', page: page([c], 'cur-c', 'cur-c') });
    t = apply(t, { type: 'older', page: page([b], 'cur-b', 'cur-b') });
    t = apply(t, { type: 'latest', page: page([c], 'cur-c', 'cur-c') });
    expect(t.olderCursor).toBe('cur-b');
    t = apply(t, { type: 'older', page: page([a], null, 'cur-a') });
    expect(ids(t)).toEqual(['a', 'b', 'c']);
  });

  it('continues a catch-up from the cursor the server gives while there is more', () => {
    const [a, b] = ['a', 'b'].map((id, i) => message(id, i));
    const t = apply(EMPTY_TIMELINE, { type: 'newer', page: page([a, b], 'cur-b', 'cur-a') });
    expect(t.newerCursor).toBe('cur-b');
  });

  it('applies edits and deletions, keeping reactions, and ignores unknown ids', () => {
    const a = message('a', 1, { reactions: [{ emoji: '👍', count: 2, mine: true }] });
    let t = apply(EMPTY_TIMELINE, { type: 'latest', page: page([a], null, 'cur-a') });
    const { reactions: _r, ...update } = {
      ...a,
      body: 'new text',
      editedAt: '2024-01-02T00:00:00.000Z',
    };
    t = apply(t, { type: 'updated', message: update });
    expect(t.messages[0]).toMatchObject({
      body: 'new text',
      reactions: [{ emoji: '👍', count: 2 }],
    });

    const before = t;
    t = apply(t, { type: 'updated', message: { ...update, id: 'zzz' } });
    expect(t).toEqual(before);

    t = apply(t, {
      type: 'deleted',
      message: { id: 'a', channelId: 'c1', parentId: null, deletedAt: '2024-01-03T00:00:00.000Z' },
    });
    expect(t.messages[0]).toMatchObject({
      body: '',
      reactions: [],
      deletedAt: '2024-01-03T00:00:00.000Z',
    });
  });

  it('counts reactions from the server and marks ours', () => {
    const a = message('a', 1);
    let t = apply(EMPTY_TIMELINE, { type: 'latest', page: page([a], null, 'x') });
    const event = { messageId: 'a', channelId: 'c1', emoji: '🎉' };
    t = apply(t, {
      type: 'reaction',
      me: ME,
      event: { ...event, user: { id: 'other', name: 'O' }, added: true, count: 1 },
    });
    expect(t.messages[0].reactions).toEqual([{ emoji: '🎉', count: 1, mine: false }]);
    t = apply(t, {
      type: 'reaction',
      me: ME,
      event: { ...event, user: { id: ME, name: 'Me' }, added: true, count: 2 },
    });
    expect(t.messages[0].reactions).toEqual([{ emoji: '🎉', count: 2, mine: true }]);
    t = apply(t, {
      type: 'reaction',
      me: ME,
      event: { ...event, user: { id: 'other', name: 'O' }, added: false, count: 1 },
    });
    expect(t.messages[0].reactions).toEqual([{ emoji: '🎉', count: 1, mine: true }]);
    t = apply(t, {
      type: 'reaction',
      me: ME,
      event: { ...event, user: { id: ME, name: 'Me' }, added: false, count: 0 },
    });
    expect(t.messages[0].reactions).toEqual([]);
  });

  it('counts a thread reply on its first message', () => {
    const root = message('root', 1);
    let t = apply(EMPTY_TIMELINE, { type: 'latest', page: page([root], null, 'x') });
    const reply = message('r1', 9, { parentId: 'root' });
    t = apply(t, { type: 'reply', reply });
    expect(t.messages[0]).toMatchObject({ replyCount: 1, lastReplyAt: reply.createdAt });
    expect(ids(t)).toEqual(['root']);
  });
});
