import { jest } from '@jest/globals';
import { SharedPerKey } from './shared-per-key.js';
import { TokenBucket } from './token-bucket.js';

describe('SharedPerKey', () => {
  afterEach(() => jest.useRealTimers());

  it('gives every lease of a key the same value, and other keys their own', () => {
    const shared = new SharedPerKey(() => new TokenBucket(1, 10), 1_000);
    const [a1, a2, b] = [shared.acquire('ana'), shared.acquire('ana'), shared.acquire('ben')];
    expect(a1.value).toBe(a2.value);
    expect(b.value).not.toBe(a1.value);
    // One budget: ten tokens between both of Ana's leases, Ben untouched.
    let taken = 0;
    for (let i = 0; i < 20; i++) if ((i % 2 ? a1 : a2).value.take()) taken++;
    expect(taken).toBe(10);
    expect(b.value.take()).toBe(true);
  });

  it('keeps a value for keepIdleMs after its last lease (reconnecting does not reset it), then drops it', () => {
    jest.useFakeTimers();
    const created: string[] = [];
    const shared = new SharedPerKey((key) => (created.push(key), { key }), 2_000);
    const first = shared.acquire('ana');
    first.release();
    first.release(); // idempotent
    jest.advanceTimersByTime(1_999);
    const again = shared.acquire('ana');
    expect(again.value).toBe(first.value);
    again.release();
    jest.advanceTimersByTime(2_000);
    expect(shared.size).toBe(0);
    expect(shared.acquire('ana').value).not.toBe(first.value);
    expect(created).toEqual(['ana', 'ana']);
  });

  it('does not drop a value while any lease is held', () => {
    jest.useFakeTimers();
    const shared = new SharedPerKey(() => ({}), 10);
    const a = shared.acquire('ana');
    const b = shared.acquire('ana');
    a.release();
    jest.advanceTimersByTime(100);
    expect(shared.size).toBe(1);
    b.release();
    jest.advanceTimersByTime(100);
    expect(shared.size).toBe(0);
  });
});
