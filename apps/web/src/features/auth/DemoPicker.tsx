import { Badge, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import type { DemoAccountDto } from '@iuc/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitError } from '../../ui/Status';
import {
  groupDemoAccounts,
  normalizeSearch,
  useDemoAccounts,
  type DemoGroup,
} from './useDemoAccounts';
import { useSignIn, useSignInErrorMessage } from './useSignIn';
import classes from './DemoPicker.module.css';

/** The API's default demo password (IUC_DEMO_PASSWORD may change it on a given server). */
export const DEMO_PASSWORD = 'demo';

/** One-click sign-in as any demo account; rendered only in demo mode. */
export function DemoPicker() {
  const accounts = useDemoAccounts();
  return accounts ? <DemoPickerList accounts={accounts} /> : null;
}

function DemoPickerList({ accounts }: { accounts: DemoAccountDto[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const signIn = useSignIn();
  const errorMessage = useSignInErrorMessage();
  const { staff, pairings } = useMemo(
    () => filterGroups(groupDemoAccounts(accounts), query, t),
    [accounts, query, t],
  );
  const shown = new Set([...staff, ...pairings.flatMap((g) => g.accounts)]).size;
  const pendingEmail = signIn.isPending ? signIn.variables?.email : undefined;
  const button = (account: DemoAccountDto) => (
    <DemoAccountButton
      key={account.email}
      account={account}
      loading={pendingEmail === account.email}
      disabled={signIn.isPending}
      onClick={() => signIn.mutate({ email: account.email, password: DEMO_PASSWORD })}
    />
  );

  return (
    <Paper p="lg" component="section" aria-labelledby="demo-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="demo-title">
          {t('demo.title')}
        </Title>
        <Text size="sm">{t('demo.intro', { password: DEMO_PASSWORD })}</Text>
        <SubmitError mutation={signIn} message={errorMessage} />
        <TextInput
          type="search"
          label={t('demo.search')}
          description={t('demo.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <Text size="sm" role="status" aria-live="polite">
          {t('demo.count', { count: shown })}
        </Text>
        <div className={classes.scroller}>
          <Stack gap="md">
            {staff.length > 0 && (
              <section aria-labelledby="demo-staff">
                <Title order={3} size="h5" id="demo-staff" mb={6}>
                  {t('demo.staff')}
                </Title>
                <ul className={classes.list}>
                  {staff.map((a) => (
                    <li key={a.email}>{button(a)}</li>
                  ))}
                </ul>
              </section>
            )}
            {pairings.map((group) => (
              <section key={group.key} aria-labelledby={`demo-${group.key}`}>
                <Title order={3} size="h5" id={`demo-${group.key}`} mb={6}>
                  {group.title || t('demo.otherAccounts')}
                </Title>
                <ul className={classes.list}>
                  {group.accounts.map((a) => (
                    <li key={a.email}>{button(a)}</li>
                  ))}
                </ul>
              </section>
            ))}
          </Stack>
        </div>
      </Stack>
    </Paper>
  );
}

function DemoAccountButton(props: {
  account: DemoAccountDto;
  loading: boolean;
  disabled: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  const { account } = props;
  // Demo names often carry their city already ("Lucía Ortega (Málaga)"): do not say it twice.
  const showAuthority = account.authority && !account.name.includes(account.authority);
  return (
    <UnstyledButton
      className={classes.account}
      onClick={props.onClick}
      disabled={props.disabled}
      aria-busy={props.loading}
    >
      {/* On narrow screens the role badge moves under the name rather than squeezing it. */}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ flex: '1 1 12rem', minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {t('demo.signInAs', { name: account.name })}
          </Text>
          <Text size="xs" c="dimmed">
            {showAuthority ? `${account.authority} · ${account.email}` : account.email}
          </Text>
        </div>
        <Badge color={account.role === 'viewer' ? 'gray' : 'euBlue'} style={{ flexShrink: 0 }}>
          {t(`role.${account.role}`)}
        </Badge>
      </Group>
    </UnstyledButton>
  );
}

type Grouped = ReturnType<typeof groupDemoAccounts>;

function filterGroups(
  grouped: Grouped,
  query: string,
  t: (key: `role.${DemoAccountDto['role']}`) => string,
): Grouped {
  const q = normalizeSearch(query);
  if (!q) return grouped;
  const matches = (a: DemoAccountDto, group = '') =>
    normalizeSearch(
      [a.name, a.email, a.authority ?? '', t(`role.${a.role}`), group].join(' '),
    ).includes(q);
  return {
    staff: grouped.staff.filter((a) => matches(a)),
    pairings: grouped.pairings
      .map((g): DemoGroup => ({ ...g, accounts: g.accounts.filter((a) => matches(a, g.title)) }))
      .filter((g) => g.accounts.length > 0),
  };
}
