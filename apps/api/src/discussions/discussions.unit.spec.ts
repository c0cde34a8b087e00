import fc from 'fast-check';
import { decodeCursor, encodeCursor, MicroClock } from '../common/cursor.js';
import { loadDiscussionsLimits } from './discussions.config.js';
import {
  channelPayload,
  EMOJI,
  sendMessagePayload,
  toggleReactionPayload,
} from './realtime/socket-payloads.js';
import { checkBody } from './messages/message-body.js';
import { excerpt } from '../common/excerpt.js';
import { WriteBatcher } from '../common/write-batcher.js';
import type { NewMessage } from './messages/messages.repository.js';
import { TokenBucket } from '../common/token-bucket.js';
import { ConfigError } from '../config/config.js';

const UUID = '6b1c0f8a-3f4e-4c2e-9d2a-1a2b3c4d5e6f';

describe('cursors', () => {
  it('round-trip any position, and refuse anything else', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_000_000_000_000_000n }), fc.uuid(), (micros, id) => {
        const position = { micros: micros.toString(), id };
        expect(decodeCursor(encodeCursor(position))).toEqual(position);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => decodeCursor(s) === null || /^[A-Za-z0-9_-]+$/.test(s)),
    );
    for (const bad of [
      '',
      '!!',
      Buffer.from('1.not-a-uuid').toString('base64url'),
      Buffer.from(`1.${UUID}x`).toString('base64url'),
    ])
      expect(decodeCursor(bad)).toBeNull();
  });

  it('refuse times PostgreSQL cannot hold (they were a 500): negative, past 9999, beyond bigint', () => {
    const at = (micros: string) => Buffer.from(`${micros}.${UUID}`).toString('base64url');
    for (const micros of [
      '9223372036854775807',
      '9999999999999999999',
      '-9999999999999999999',
      '-1',
      '253402300800000000',
    ])
      expect(decodeCursor(at(micros))).toBeNull();
    expect(decodeCursor(at('253402300799999999'))).toEqual({
      micros: '253402300799999999',
      id: UUID,
    });
    expect(decodeCursor(at('0'))).toEqual({ micros: '0', id: UUID });
  });

  it('the clock gives strictly increasing microseconds', () => {
    const clock = new MicroClock();
    let last = 0n;
    let increasing = true;
    for (let i = 0; i < 10_000; i++) {
      const now = clock.next();
      increasing &&= now > last;
      last = now;
    }
    expect(increasing).toBe(true);
  });
});

describe('message bodies', () => {
  it('never accepts more than the byte limit, whatever the characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 1, max: 400 }),
        (text, limit) => {
          const check = checkBody(text, limit);
          if (Buffer.byteLength(text, 'utf8') > limit)
            return !check.ok && check.code === 'too_large';
          return !check.ok || Buffer.byteLength(check.body, 'utf8') <= limit;
        },
      ),
    );
  });

  it('keeps text as typed but for line endings and trailing blanks; refuses empty and control characters', () => {
    expect(checkBody('**hi**\r\n- a\r\n\n  ', 100)).toEqual({ ok: true, body: '**hi**\n- a' });
    expect(checkBody('<b>not html</b>', 100)).toEqual({ ok: true, body: '<b>not html</b>' });
    expect(checkBody(' \n\t ', 100)).toMatchObject({ ok: false, code: 'invalid' });
    expect(checkBody('bell \u0007', 100)).toMatchObject({ ok: false, code: 'invalid' });
    expect(checkBody('tab\tand\nnewline', 100)).toEqual({ ok: true, body: 'tab\tand\nnewline' });
    // An unpaired surrogate is no Unicode (it failed the batched insert's json: an 'internal' ack).
    expect(checkBody('half \ud83d of an emoji', 100)).toMatchObject({
      ok: false,
      code: 'invalid',
      error: expect.stringMatching(/unpaired/),
    });
    expect(checkBody('whole \ud83d\ude00 emoji', 100)).toMatchObject({ ok: true });
    expect(excerpt('a\n\nb   c')).toBe('a b c');
    expect(excerpt('x'.repeat(200))).toHaveLength(140);
  });
});

describe('socket payload validation', () => {
  it('answers ok or an "invalid" acknowledgement for any input, never throws', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        (payload) => {
          for (const parse of [sendMessagePayload, channelPayload, toggleReactionPayload]) {
            const result = parse(payload);
            if (!result.ok)
              expect(result).toMatchObject({
                ok: false,
                code: 'invalid',
                error: expect.any(String),
              });
          }
        },
      ),
    );
  });

  it('drops unknown fields (a spoofed author never reaches the service)', () => {
    const result = sendMessagePayload({
      channelId: UUID,
      body: 'hi',
      author: { id: 'x' },
      authorId: 'x',
      createdAt: 'then',
    });
    expect(result).toEqual({ ok: true, value: { channelId: UUID, body: 'hi' } });
  });

  it('names every problem, and reads no inherited field', () => {
    expect(sendMessagePayload({ channelId: 'nope', body: 3, parentId: 'x' })).toEqual({
      ok: false,
      code: 'invalid',
      error: 'channelId must be a UUID; body must be a string; parentId must be a UUID',
    });
    expect(sendMessagePayload(Object.create({ channelId: UUID, body: 'planted' }))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(sendMessagePayload({ channelId: UUID, body: 'hi', parentId: null })).toEqual({
      ok: true,
      value: { channelId: UUID, body: 'hi', parentId: null },
    });
    expect(toggleReactionPayload({ messageId: UUID, emoji: '👍'.repeat(21) })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  it('accepts emojis and short codes only', () => {
    for (const ok of ['👍', '👍🏽', '👩‍💻', '🇪🇺', '❤️', '1️⃣', ':tada:', ':+1:'])
      expect(EMOJI.test(ok)).toBe(true);
    for (const bad of ['', 'a', '<b>', ':Tada:', '::', 'hi 👍', '👍 '])
      expect(EMOJI.test(bad)).toBe(false);
  });
});

describe('limits', () => {
  it('rate limits with a token bucket: a burst, then the rate', async () => {
    const bucket = new TokenBucket(100, 5);
    expect(Array.from({ length: 8 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
    await new Promise((r) => setTimeout(r, 30));
    expect(bucket.take()).toBe(true);
  });

  it('reads limits from the environment and refuses bad values', () => {
    expect(loadDiscussionsLimits({})).toMatchObject({
      maxBodyBytes: 8192,
      writesPerSecond: 5,
      writeBurst: 10,
    });
    expect(
      loadDiscussionsLimits({
        DISCUSSIONS_MAX_BODY_BYTES: '1024',
        DISCUSSIONS_MESSAGES_PER_SECOND: '50',
      }),
    ).toMatchObject({
      maxBodyBytes: 1024,
      writesPerSecond: 50,
      writeBurst: 100,
    });
    expect(loadDiscussionsLimits({})).toMatchObject({
      maxConnectionsPerUser: 20,
      maxConnectionsPerAddress: 200,
    });
    expect(loadDiscussionsLimits({ DISCUSSIONS_MAX_CONNECTIONS_PER_USER: '3' })).toMatchObject({
      maxConnectionsPerUser: 3,
    });
    expect(() => loadDiscussionsLimits({ DISCUSSIONS_MAX_CONNECTIONS_PER_ADDRESS: '0' })).toThrow(
      ConfigError,
    );
    expect(() => loadDiscussionsLimits({ DISCUSSIONS_MAX_BODY_BYTES: '8kb' })).toThrow(ConfigError);
    expect(() => loadDiscussionsLimits({ DISCUSSIONS_MAX_BODY_BYTES: '1' })).toThrow(ConfigError);
  });
});

describe('WriteBatcher', () => {
  const message = (n: number): NewMessage => ({
    id: `${n}`,
    channelId: 'c',
    authorId: 'a',
    parentId: null,
    body: `m${n}`,
    mentionIds: [],
    createdMicros: BigInt(n),
  });

  it('writes the first message at once and batches what arrives meanwhile, in order', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const writer = new WriteBatcher(async (batch: NewMessage[]) => {
      batches.push(batch.map((m) => m.id));
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      return batch.map(() => 'saved' as const);
    });
    const first = writer.write(message(1));
    const rest = [2, 3, 4].map((n) => writer.write(message(n)));
    release();
    expect(await Promise.all([first, ...rest])).toEqual(['saved', 'saved', 'saved', 'saved']);
    expect(batches).toEqual([['1'], ['2', '3', '4']]);
  });

  it('one bad row fails alone, not its batch', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const writer = new WriteBatcher(async (batch: NewMessage[]) => {
      calls++;
      if (calls === 1) await new Promise<void>((r) => (release = r));
      if (batch.some((m) => m.id === '3')) throw new Error('bad row');
      return batch.map(() => 'saved' as const);
    });
    const first = writer.write(message(1));
    const others = [2, 3, 4].map((n) => writer.write(message(n)).catch((e: Error) => e.message));
    release();
    await first;
    expect(await Promise.all(others)).toEqual(['saved', 'bad row', 'saved']);
  });
});
