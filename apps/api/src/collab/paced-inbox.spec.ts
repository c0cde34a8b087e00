import { describe, expect, it, jest } from '@jest/globals';
import { PacedInbox } from './paced-inbox.js';

const frame = (n: number) => new Uint8Array([n & 0xff, n >> 8]);
const nextTurn = () => new Promise((r) => setImmediate(r));

function inbox({
  admit = () => 0,
  saturated = () => false,
}: { admit?: () => number; saturated?: () => boolean } = {}) {
  const handled: number[] = [];
  const source = { pause: jest.fn(), resume: jest.fn() };
  const box = new PacedInbox(source, {
    admit,
    saturated,
    handle: (f) => {
      handled.push(f[0] | (f[1] << 8));
      return undefined;
    },
  });
  return { box, handled, source };
}

describe('PacedInbox', () => {
  it('handles a frame at once when nothing holds it back', () => {
    const { box, handled, source } = inbox();
    box.push(frame(1));
    expect(handled).toEqual([1]);
    expect(source.pause).not.toHaveBeenCalled();
  });

  it('takes a burst read at once 128 frames a turn, stops reading meanwhile, and loses none', async () => {
    const { box, handled, source } = inbox();
    for (let i = 0; i < 300; i++) box.push(frame(i));
    expect(handled).toHaveLength(128);
    expect(source.pause).toHaveBeenCalled();
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(handled).toEqual([...Array(300).keys()]);
    expect(source.resume).toHaveBeenCalled();
    expect(box.waiting).toBe(0);
  });

  it('holds frames while the handler is saturated and takes them, in order, once unblocked', () => {
    let full = true;
    const { box, handled, source } = inbox({ saturated: () => full });
    box.push(frame(1));
    box.push(frame(2));
    expect(handled).toEqual([]);
    expect(source.pause).toHaveBeenCalledTimes(1);
    box.unblock(); // still full: nothing moves
    expect(handled).toEqual([]);
    full = false;
    box.unblock();
    expect(handled).toEqual([1, 2]);
    expect(source.resume).toHaveBeenCalledTimes(1);
  });

  it('drops what waits when closed', async () => {
    const { box, handled } = inbox({ admit: () => 5 });
    box.push(frame(1));
    box.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(handled).toEqual([]);
  });
});
