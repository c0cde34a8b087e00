import { describe, expect, it } from '@jest/globals';
import type { DemoAccountDto } from '@iuc/domain';
import { groupDemoAccounts, normalizeSearch } from './useDemoAccounts';
import { ApiRequestError } from '../../api/api';
import { safeNext, signInProblem } from './useSignIn';

const account = (
  name: string,
  role: DemoAccountDto['role'],
  authority: string | null,
  pairingIds: string[],
): DemoAccountDto => ({
  email: `${name.toLowerCase()}@demo.test`,
  name,
  role,
  authority,
  pairingIds,
});

describe('groupDemoAccounts', () => {
  const accounts = [
    account('Viewer', 'viewer', null, ['p1']),
    account('Wang', 'coordinator', 'Jingyue', ['p1']),
    account('Officer', 'officer', null, []),
    account('Lucia', 'coordinator', 'Málaga', ['p1']),
    account('Admin', 'admin', null, []),
    account('Marco', 'coordinator', 'Torino', ['p2', 'p3']),
  ];

  it('puts programme staff first, admins before officers', () => {
    expect(groupDemoAccounts(accounts).staff.map((a) => a.name)).toEqual(['Admin', 'Officer']);
  });

  it('groups the rest by pairing, titled by its cities, coordinators before viewers', () => {
    const [p1] = groupDemoAccounts(accounts).pairings;
    expect(p1.title).toBe('Jingyue – Málaga');
    expect(p1.accounts.map((a) => a.name)).toEqual(['Wang', 'Lucia', 'Viewer']);
  });

  it('shows an account of two pairings in both', () => {
    const keys = groupDemoAccounts(accounts)
      .pairings.filter((g) => g.accounts.some((a) => a.name === 'Marco'))
      .map((g) => g.key);
    expect(keys).toEqual(['p2', 'p3']);
  });
});

describe('normalizeSearch', () => {
  it('ignores case and accents', () => {
    expect(normalizeSearch('  MÁLAGA ')).toBe('malaga');
    expect(normalizeSearch('Ibagué')).toBe(normalizeSearch('ibague'));
  });
});

describe('safeNext', () => {
  it('returns to a page of ours', () => {
    expect(safeNext('/pairings?text=malaga')).toBe('/pairings?text=malaga');
  });

  it('refuses other sites and missing values', () => {
    expect(safeNext('//evil.example/login')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('signInProblem', () => {
  const refusal = (
    statusCode: number,
    code: 'login_busy' | 'login_throttled' | 'origin_not_allowed' | 'unauthorized',
    retryAfter: number | null = null,
  ) => new ApiRequestError({ statusCode, error: 'x', message: 'x', code }, retryAfter);

  it('tells a busy server (429 or 503, code login_busy) from too many failures', () => {
    expect(signInProblem(refusal(429, 'login_busy', 1))).toEqual({ kind: 'busy' });
    expect(signInProblem(refusal(503, 'login_busy', 1))).toEqual({ kind: 'busy' });
    expect(signInProblem(refusal(429, 'login_throttled', 301))).toEqual({
      kind: 'rateLimited',
      minutes: 6,
    });
  });

  it('leaves a refused page address to the general error words, which name the settings', () => {
    const err = refusal(403, 'origin_not_allowed');
    expect(err.code).toBe('origin_not_allowed');
    expect(signInProblem(err)).toEqual({ kind: 'other' });
    expect(signInProblem(refusal(401, 'unauthorized'))).toEqual({ kind: 'wrongCredentials' });
  });
});
