import { ConnectionCaps } from './connection-caps.js';

describe('ConnectionCaps', () => {
  it('admits up to perUser connections of one person, wherever they come from', () => {
    const caps = new ConnectionCaps({ perUser: 2, perAddress: 100 });
    expect(caps.admit('ana', '10.0.0.1').ok).toBe(true);
    expect(caps.admit('ana', '10.0.0.2').ok).toBe(true);
    expect(caps.admit('ana', '10.0.0.3')).toEqual({ ok: false, cap: 'user', limit: 2 });
    expect(caps.admit('ben', '10.0.0.3').ok).toBe(true);
  });

  it('admits up to perAddress connections from one address, whoever they are', () => {
    const caps = new ConnectionCaps({ perUser: 100, perAddress: 2 });
    expect(caps.admit('ana', '10.0.0.1').ok).toBe(true);
    expect(caps.admit('ben', '10.0.0.1').ok).toBe(true);
    expect(caps.admit('cleo', '10.0.0.1')).toEqual({ ok: false, cap: 'address', limit: 2 });
    expect(caps.admit('cleo', '10.0.0.2').ok).toBe(true);
  });

  it('a refused connection counts for nothing; a released one frees its place once', () => {
    const caps = new ConnectionCaps({ perUser: 1, perAddress: 1 });
    const first = caps.admit('ana', '10.0.0.1');
    expect(caps.admit('ana', '10.0.0.9').ok).toBe(false);
    expect(caps.admit('ben', '10.0.0.1').ok).toBe(false);
    expect([caps.openFor('ana'), caps.openFor('ben'), caps.openFrom('10.0.0.9')]).toEqual([
      1, 0, 0,
    ]);
    if (!first.ok) throw new Error('first refused');
    first.release();
    first.release();
    expect([caps.openFor('ana'), caps.openFrom('10.0.0.1')]).toEqual([0, 0]);
    expect(caps.admit('ben', '10.0.0.1').ok).toBe(true);
    expect(caps.admit('ana', '10.0.0.2').ok).toBe(true);
  });
});
