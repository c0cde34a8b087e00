import { Button, Menu, Text } from '@mantine/core';
import type { UserDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../session/useSignOut';

export function UserMenu({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const role = useRoleLabel(user);
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button variant="default" h="auto" py={6} maw={260} miw={0} rightSection={<Chevron />}>
          <span
            style={{
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'flex-start',
              lineHeight: 1.15,
              minWidth: 0,
            }}
          >
            <Text span size="sm" fw={600} truncate="end" maw="100%">
              {user.name}
            </Text>
            <Text span size="xs" c="dimmed" truncate="end" maw="100%">
              {role}
            </Text>
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** A programme role if the person has one, otherwise their role in their pairings. */
function useRoleLabel(user: UserDto): string {
  const { t } = useTranslation();
  if (user.programmeRole) return t(`role.${user.programmeRole}`);
  const roles = [...new Set(user.memberships.map((m) => m.role))];
  return roles.length ? roles.map((r) => t(`role.${r}`)).join(', ') : t('role.member');
}

function Chevron() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}
