import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/page';
import { useUser } from '../../session/session';
import { ErrorAlert, Loading } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { PairingCard, usePairings } from '../pairings';
import { PairingShortcuts } from './PairingShortcuts';
import { ProgrammeFacts } from './ProgrammeFacts';
import { LibraryReviewQueue } from '../library';
import { ReviewQueue } from './ReviewQueue';

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const pairings = usePairings();
  const membershipOf = new Map(user.memberships.map((m) => [m.pairingId, m]));
  const yours = (pairings.data ?? []).flatMap((pairing) => {
    const membership = membershipOf.get(pairing.id);
    return membership ? [{ pairing, membership }] : [];
  });

  return (
    <Stack gap="xl">
      <div>
        <PageHeading>{t('home.welcome', { name: user.name })}</PageHeading>
        <Text c="dimmed" mt={4} maw={760}>
          {t(user.programmeRole ? 'home.staffIntro' : 'home.intro')}
        </Text>
      </div>
      {pairings.isPending ? (
        <Loading />
      ) : pairings.isError ? (
        <ErrorAlert error={pairings.error} onRetry={() => void pairings.refetch()} />
      ) : (
        <>
          {user.programmeRole && <ReviewQueue pairings={pairings.data} />}
          {user.programmeRole && <LibraryReviewQueue />}
          <section aria-labelledby="your-pairings">
            <Title order={2} size="h3" id="your-pairings" mb="sm">
              {t('home.yourPairings')}
            </Title>
            {yours.length === 0 ? (
              <Text>{user.programmeRole ? t('home.staffNoPairings') : t('home.noPairings')}</Text>
            ) : (
              <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} className={ui.plainList}>
                {yours.map(({ pairing, membership }) => (
                  <li key={pairing.id}>
                    <PairingCard
                      pairing={pairing}
                      headingOrder={3}
                      actions={<PairingShortcuts membership={membership} />}
                    />
                  </li>
                ))}
              </SimpleGrid>
            )}
          </section>
          <section aria-labelledby="programme-facts">
            <Title order={2} size="h3" id="programme-facts" mb="sm">
              {t('home.facts.title')}
            </Title>
            <ProgrammeFacts pairings={pairings.data} />
            <Anchor component={Link} to="/pairings" mt="md" display="inline-block" fw={600}>
              {t('home.browse')}
            </Anchor>
          </section>
        </>
      )}
    </Stack>
  );
}
