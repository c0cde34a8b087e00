import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PAIRING_ROLES, type PairingDetailDto, type PairingMemberDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import ui from '../../ui/ui.module.css';

const byRoleThenName = (a: PairingMemberDto, b: PairingMemberDto) =>
  PAIRING_ROLES.indexOf(a.role) - PAIRING_ROLES.indexOf(b.role) || a.name.localeCompare(b.name);

/** Members by city side; those on no side (observers of the whole pairing) last. */
function groupMembers(pairing: PairingDetailDto) {
  const sideOf = new Map<string, string>();
  for (const side of pairing.sides) {
    for (const a of side.authorities) sideOf.set(a.id, side.side);
    for (const a of side.group?.members ?? []) sideOf.set(a.id, side.side);
  }
  const groups = pairing.sides.map((side) => ({
    key: side.side,
    members: pairing.members.filter(
      (m) => m.authorityId && sideOf.get(m.authorityId) === side.side,
    ),
  }));
  const rest = pairing.members.filter((m) => !m.authorityId || !sideOf.has(m.authorityId));
  return [...groups, { key: 'whole' as const, members: rest }].filter(
    (g) => g.members.length > 0 || g.key !== 'whole',
  );
}

export function MembersList({ pairing }: { pairing: PairingDetailDto }) {
  const { t } = useTranslation();
  // A member's city is worth naming only where their side has more than one.
  const authorityName = new Map(
    pairing.sides
      .filter((s) => s.authorities.length > 1)
      .flatMap((s) => s.authorities.map((a) => [a.id, a.name] as const)),
  );
  const groups = groupMembers(pairing);
  return (
    <SimpleGrid cols={{ base: 1, md: groups.length > 2 ? 3 : 2 }} spacing="md">
      {groups.map((group) => (
        <Stack
          key={group.key}
          component="section"
          aria-labelledby={`members-${group.key}`}
          gap="xs"
        >
          <Title order={3} size="h5" id={`members-${group.key}`}>
            {t(`side.${group.key}`)}
          </Title>
          {group.members.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('pairing.members.none')}
            </Text>
          ) : (
            <Stack component="ul" gap="xs" className={ui.plainList}>
              {[...group.members].sort(byRoleThenName).map((m) => (
                <Paper key={m.userId} component="li" p="sm">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600}>{m.name}</Text>
                      {m.authorityId && authorityName.has(m.authorityId) && (
                        <Text size="sm" c="dimmed">
                          {authorityName.get(m.authorityId)}
                        </Text>
                      )}
                      {m.email && (
                        <Anchor
                          href={`mailto:${m.email}`}
                          size="sm"
                          style={{ overflowWrap: 'anywhere' }}
                        >
                          {m.email}
                        </Anchor>
                      )}
                    </div>
                    <Badge
                      color={m.role === 'viewer' ? 'gray' : 'euBlue'}
                      style={{ flexShrink: 0 }}
                    >
                      {t(`role.${m.role}`)}
                    </Badge>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}
