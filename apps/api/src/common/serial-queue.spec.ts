import { expect, it } from '@jest/globals';
import { SerialQueue } from './serial-queue.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('SerialQueue', () => {
  it('runs one key at a time, in order, even when many fall due together', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    const queue = new SerialQueue(async (key: number) => {
      most = Math.max(most, ++inFlight);
      await tick();
      done.push(key);
      inFlight--;
    });
    for (let k = 0; k < 20; k++) queue.add(k);
    await queue.idle();
    expect(most).toBe(1);
    expect(done).toEqual([...Array(20).keys()]);
  });

  it('runs a key queued twice while waiting once, and again when queued while it runs', async () => {
    const done: string[] = [];
    let release: () => void = () => undefined;
    const queue = new SerialQueue(async (key: string) => {
      if (key === 'a' && !done.length) await new Promise<void>((r) => (release = r));
      done.push(key);
    });
    queue.add('a');
    queue.add('b');
    queue.add('b');
    await tick();
    queue.add('a'); // while its first run is in progress
    release();
    await queue.idle();
    expect(done).toEqual(['a', 'b', 'a']);
  });

  it('skips a key removed before its turn, and goes on after a failure', async () => {
    const done: string[] = [];
    const queue = new SerialQueue(async (key: string) => {
      await tick();
      if (key === 'bad') throw new Error('failed');
      done.push(key);
    });
    queue.add('bad');
    queue.add('gone');
    queue.add('kept');
    expect(queue.remove('gone')).toBe(true);
    expect(queue.remove('never queued')).toBe(false);
    await queue.idle();
    expect(done).toEqual(['kept']);
  });
});
