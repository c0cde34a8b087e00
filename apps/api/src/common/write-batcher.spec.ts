import { afterEach, beforeEach, expect, it, jest } from '@jest/globals';
import { WriteBatcher } from './write-batcher.js';

/** A batcher whose writes complete at once; `batches` records what each write held. */
function recording(windowMs: number, writeMs = 0, targetBatch?: number) {
  const batches: number[][] = [];
  const batcher = new WriteBatcher(
    async (items: number[]) => {
      batches.push(items);
      if (writeMs) await new Promise((r) => setTimeout(r, writeMs));
      return items.map((i) => i * 10);
    },
    100,
    { windowMs, targetBatch },
  );
  return { batches, batcher };
}

/** Writes `count` items, `gapMs` apart (fake time), and waits for all of them. */
async function writeSpaced(
  batcher: WriteBatcher<number, number>,
  count: number,
  gapMs: number,
): Promise<number[]> {
  const results: Promise<number>[] = [];
  for (let i = 0; i < count; i++) {
    results.push(batcher.write(i));
    await jest.advanceTimersByTimeAsync(gapMs);
  }
  await jest.runAllTimersAsync();
  return Promise.all(results);
}

describe('WriteBatcher group-commit window', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('under steady load, waits the window so that the next items share the write, in order', async () => {
    const { batches, batcher } = recording(4);
    expect(await writeSpaced(batcher, 40, 1)).toEqual([...Array(40).keys()].map((i) => i * 10));
    expect(batches.flat()).toEqual([...Array(40).keys()]);
    // One write per item at first (no load measured yet), then several items per write.
    expect(batches.length).toBeLessThan(20);
    expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThanOrEqual(3);
  });

  it('under light load, writes each item at the end of its event-loop phase, without waiting', async () => {
    const { batches, batcher } = recording(4);
    await writeSpaced(batcher, 5, 100);
    const written = batcher.write(99);
    // Only the immediate queue runs: no timer may be needed to write it.
    await jest.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[0], [1], [2], [3], [4], [99]]);
    expect(await written).toBe(990);
  });

  it('does not wait while fewer than two items are expected within the window', async () => {
    const { batches, batcher } = recording(4);
    // One item every 3 ms: 1.3 expected per 4 ms window, so each is written alone, at once.
    await writeSpaced(batcher, 30, 3);
    expect(batches).toEqual([...Array(30).keys()].map((i) => [i]));
  });

  it('waits the window before every write while the load lasts, not only the first', async () => {
    // Each write takes 1 ms: without a wait, the next write would take the 2 items that came meanwhile.
    const { batches, batcher } = recording(4, 1);
    await writeSpaced(batcher, 200, 0.5);
    expect(batches.flat()).toEqual([...Array(200).keys()]);
    // Window + write = 5 ms, ten items, once the load is measured.
    expect(batches.slice(-10).every((b) => b.length >= 8)).toBe(true);
  });

  it('with a target batch, waits only as long as that many items take to arrive', async () => {
    // One item a millisecond: a 3-item target ends the wait at 3 ms, well inside the 20 ms window.
    const { batches, batcher } = recording(20, 0, 3);
    await writeSpaced(batcher, 60, 1);
    expect(batches.flat()).toEqual([...Array(60).keys()]);
    const steady = batches.slice(5, -1).map((b) => b.length);
    expect(Math.max(...steady)).toBeLessThanOrEqual(5);
    expect(Math.min(...steady)).toBeGreaterThanOrEqual(2);
  });

  it('with a target batch, still waits no longer than the window', async () => {
    // One item every 4 ms: three take 12 ms, the window is 8 ms, so each write holds about two.
    const { batches, batcher } = recording(8, 0, 3);
    await writeSpaced(batcher, 40, 4);
    const steady = batches.slice(5, -1).map((b) => b.length);
    expect(steady.every((n) => n === 2)).toBe(true);
  });

  /** A batcher whose writes take `writeMs`; `idle()` is the time between each write and the next. */
  function timed(windowMs: number, writeMs: number) {
    const spans: [number, number][] = [];
    const batcher = new WriteBatcher(
      async (items: number[]) => {
        const start = performance.now();
        await new Promise((r) => setTimeout(r, writeMs));
        spans.push([start, performance.now()]);
        return items;
      },
      100,
      { windowMs },
    );
    const idle = () => spans.slice(1).map(([start], i) => start - spans[i][1]);
    return { batcher, idle };
  }

  it('counts the window from the oldest item: items that waited through a slow write go at once', async () => {
    // Writes take 10 ms, longer than the 4 ms window: whatever came meanwhile has waited enough.
    const { batcher, idle } = timed(4, 10);
    await writeSpaced(batcher, 200, 0.5);
    // Once the load is measured, each write starts as the previous one ends.
    expect(
      idle()
        .slice(3)
        .every((ms) => ms === 0),
    ).toBe(true);
  });

  it('an item arriving during a write waits only what remains of its window', async () => {
    const { batcher, idle } = timed(6, 2);
    await writeSpaced(batcher, 200, 0.5);
    // Window 6 ms, write 2 ms: the first item after a write started came ~0.5 ms into it, so it
    // waits ~4.5 ms after the write, not 6.
    const steady = idle().slice(3, -1);
    expect(Math.max(...steady)).toBeLessThanOrEqual(4.5);
    expect(Math.min(...steady)).toBeGreaterThanOrEqual(3.5);
  });
});

describe('WriteBatcher fair shares', () => {
  it('gives a source with a few items room in the next write when another floods the queue, keeping each source in order', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const batcher = new WriteBatcher(
      async (items: string[]) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((r) => (release = r));
        return items;
      },
      10,
      null,
      (item) => item[0],
    );
    const writes = [batcher.write('a0')];
    for (let i = 1; i <= 30; i++) writes.push(batcher.write(`a${i}`));
    writes.push(batcher.write('b0'), batcher.write('b1'));
    release();
    await Promise.all(writes);
    expect(batches[0]).toEqual(['a0']);
    // The second write holds both of b's items, not only the flood's first ten.
    expect(batches[1]).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'b0', 'b1']);
    const aOrder = batches.flat().filter((x) => x[0] === 'a');
    expect(aOrder).toEqual([...Array(31).keys()].map((i) => `a${i}`));
  });
});
