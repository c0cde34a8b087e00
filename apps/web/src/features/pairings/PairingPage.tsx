import { Button, CloseButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PairingDetailDto } from '@iuc/domain';
import { useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeading, usePageTitle } from '../../ui/page';
import { ErrorAlert, Loading } from '../../ui/Status';
import { InviteModal } from './InviteModal';
import { StatusBadge, ThemeBadges } from './labels';
import { LocalTimes } from './LocalTimes';
import { MembersList } from './MembersList';
import { SideColumn } from './SideColumn';
import { TermTimeline } from './TermTimeline';
import { usePairing } from './usePairings';

/**
 * What other features show on a pairing's page, given by the page that composes them (the router),
 * so that pairings imports neither plans nor discussions.
 */
export interface PairingPageParts {
  /** The pairing's plans section. */
  Plans: ComponentType<{ pairingId: string }>;
  /** The link to the pairing's channels. */
  ChannelsLink: ComponentType<{ pairingId: string }>;
}

export function PairingPage({ parts }: { parts: PairingPageParts }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const pairing = usePairing(id);
  usePageTitle(pairing.data?.title ?? t('pairing.title'));
  if (pairing.isPending) return <Loading />;
  if (pairing.isError) {
    return (
      <Stack>
        <PageHeading>{t('pairing.title')}</PageHeading>
        <ErrorAlert error={pairing.error} onRetry={() => void pairing.refetch()} />
      </Stack>
    );
  }
  return <PairingView pairing={pairing.data} parts={parts} />;
}

function PairingView({ pairing, parts }: { pairing: PairingDetailDto; parts: PairingPageParts }) {
  const { Plans, ChannelsLink } = parts;
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<string | null>(null);
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <PageHeading>{pairing.title}</PageHeading>
        <Group gap="sm">
          <Text c="dimmed">
            {t('pairing.callLabel', { code: pairing.callCode })} · {t(`region.${pairing.region}`)}
          </Text>
          <StatusBadge status={pairing.status} />
        </Group>
        <ThemeBadges themes={pairing.themes} />
        {pairing.description && <Text maw={800}>{pairing.description}</Text>}
        <Group>
          <ChannelsLink pairingId={pairing.id} />
        </Group>
      </Stack>

      <Section id="cities" title={t('pairing.cities')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {pairing.sides.map((side) => (
            <SideColumn key={side.side} side={side} />
          ))}
        </SimpleGrid>
      </Section>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section id="time" title={t('pairing.time.title')}>
          <LocalTimes sides={pairing.sides} />
        </Section>
        <Section id="term" title={t('pairing.term.title')}>
          <Paper p="md">
            <TermTimeline pairing={pairing} />
          </Paper>
        </Section>
      </SimpleGrid>

      <Plans pairingId={pairing.id} />

      <Section
        id="members"
        title={t('pairing.members.title')}
        action={
          pairing.permissions.invite && (
            <Button onClick={() => setInviting(true)} aria-haspopup="dialog">
              {t('invite.open')}
            </Button>
          )
        }
      >
        <div role="status" aria-live="polite">
          {invited && (
            <Paper bg="green.0" p="sm" mb="md">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t('invite.sent', { email: invited })}</Text>
                <CloseButton aria-label={t('app.close')} onClick={() => setInvited(null)} />
              </Group>
            </Paper>
          )}
        </div>
        <MembersList pairing={pairing} />
      </Section>

      {pairing.permissions.invite && (
        <InviteModal
          pairing={pairing}
          opened={inviting}
          onClose={() => setInviting(false)}
          onInvited={(email) => {
            setInviting(false);
            setInvited(email);
          }}
        />
      )}
    </Stack>
  );
}

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`section-${id}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id={`section-${id}`}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </section>
  );
}
