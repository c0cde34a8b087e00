import type { DemoAccountDto } from '@iuc/domain';
import { useQuery } from '@tanstack/react-query';
import { api, body } from '../../api/api';

/** Demo accounts, or null outside demo mode (the endpoint answers 404 there). */
export function useDemoAccounts(): DemoAccountDto[] | null {
  const query = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => body(api.GET('/api/demo/accounts')),
    staleTime: Infinity,
    retry: false,
  });
  // The picker is a convenience: any failure just hides it, the login form still works.
  return query.data && query.data.length ? query.data : null;
}

export interface DemoGroup {
  key: string;
  /** The pairing's cities ("Málaga – Jingyue"), from its accounts' authorities. */
  title: string;
  accounts: DemoAccountDto[];
}

const ROLE_ORDER = ['admin', 'officer', 'coordinator', 'editor', 'viewer'];
const byRole = (a: DemoAccountDto, b: DemoAccountDto) =>
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);

/** Programme staff first, then one group per pairing (an account in two pairings shows in both). */
export function groupDemoAccounts(accounts: DemoAccountDto[]): {
  staff: DemoAccountDto[];
  pairings: DemoGroup[];
} {
  const staff = accounts.filter((a) => a.role === 'admin' || a.role === 'officer').sort(byRole);
  const groups = new Map<string, DemoAccountDto[]>();
  for (const account of accounts) {
    if (staff.includes(account)) continue;
    for (const id of account.pairingIds.length ? account.pairingIds : ['']) {
      groups.set(id, [...(groups.get(id) ?? []), account]);
    }
  }
  const pairings = [...groups].map(([key, members]) => ({
    key,
    title: [...new Set(members.map((a) => a.authority).filter((a): a is string => !!a))].join(
      ' – ',
    ),
    accounts: members.sort(byRole),
  }));
  return { staff, pairings };
}

/** Case- and accent-insensitive ("malaga" finds "Málaga"). */
export function normalizeSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
