import { describe, expect, it } from '@jest/globals';
import { PersonBudgets } from './person-budgets.js';

const LIMITS = {
  messagesPerSecond: 10,
  messageBurst: 5,
  bytesPerSecond: 1000,
  byteBurst: 1000,
  maxConnectionsPerPerson: 3,
  maxConnectionsPerAddress: 4,
};

describe('PersonBudgets', () => {
  it('caps the connections of one person, whatever their address', () => {
    const people = new PersonBudgets(LIMITS);
    for (let i = 0; i < 3; i++) expect(people.admit('ana', `10.0.0.${i}`).ok).toBe(true);
    expect(people.admit('ana', '10.0.0.9')).toEqual({ ok: false, reason: 'too many connections for this person' });
    people.release('ana', '10.0.0.0');
    expect(people.admit('ana', '10.0.0.9').ok).toBe(true);
  });

  it('caps the connections from one address, whoever holds them', () => {
    const people = new PersonBudgets(LIMITS);
    for (const who of ['a', 'b', 'c', 'd']) expect(people.admit(who, '192.0.2.1').ok).toBe(true);
    expect(people.admit('e', '192.0.2.1')).toEqual({ ok: false, reason: 'too many connections from this address' });
    expect(people.admit('e', '192.0.2.2').ok).toBe(true);
  });

  it('gives every connection of a person the same budget', () => {
    const people = new PersonBudgets(LIMITS);
    const first = people.admit('ana', 'x');
    const second = people.admit('ana', 'y');
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(second.budget).toBe(first.budget);
  });

  it('keeps a spent budget when the person reconnects (a reconnect does not refill it)', () => {
    const people = new PersonBudgets(LIMITS);
    const first = people.admit('ana', 'x');
    if (!first.ok) throw new Error('refused');
    for (let i = 0; i < 5; i++) first.budget.take(1);
    people.release('ana', 'x');
    people.sweep();
    const again = people.admit('ana', 'x');
    if (!again.ok) throw new Error('refused');
    expect(again.budget).toBe(first.budget);
    expect(again.budget.take(1)).toBeGreaterThan(0);
  });

  it('forgets a person with no connection once their budget is full again', () => {
    const people = new PersonBudgets(LIMITS);
    expect(people.admit('ana', 'x').ok).toBe(true);
    people.release('ana', 'x');
    expect(people.size).toBe(0);
  });
});
