import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { InvitationPreviewDto, MembershipPlaceDto, UserDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignOut } from '../../session/useSignOut';
import { AcceptForm } from './AcceptForm';
import { useAcceptInvitation } from './useInvitation';

interface Props {
  token: string;
  preview: InvitationPreviewDto;
}

const invitePath = (token: string) => `/invite/${encodeURIComponent(token)}`;

/** An existing account accepts signed in as itself: the link alone signs no one in. */
export function SignInFirst({ token, preview }: Props) {
  const { t } = useTranslation();
  const login = `/login?next=${encodeURIComponent(invitePath(token))}`;
  return (
    <Stack gap="md" align="flex-start">
      <Title order={2} size="h3" id="accept-title">
        {t('invite.signInTitle')}
      </Title>
      <Text>{t('invite.signInFirst', { email: preview.email })}</Text>
      <Button component={Link} to={login}>
        {t('invite.signIn')}
      </Button>
    </Stack>
  );
}

/** Signed in as someone else: sign out first (then sign in as the invitee, or create the account). */
export function OtherAccount({ token, preview, user }: Props & { user: UserDto }) {
  const { t } = useTranslation();
  const next = preview.hasAccount
    ? `/login?next=${encodeURIComponent(invitePath(token))}`
    : invitePath(token);
  const signOut = useSignOut(next);
  return (
    <Stack gap="md" align="flex-start">
      <Title order={2} size="h3" id="accept-title">
        {t('invite.otherAccountTitle')}
      </Title>
      <Text>
        {t(preview.hasAccount ? 'invite.otherAccount' : 'invite.otherAccountNew', {
          email: preview.email,
          current: user.email,
        })}
      </Text>
      <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t(preview.hasAccount ? 'invite.signOutToSignIn' : 'invite.signOutToCreate', {
          email: preview.email,
        })}
      </Button>
    </Stack>
  );
}

/** Programme staff review the pairings' plans and hold no role inside one. */
export function StaffAccount() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2} size="h3" id="accept-title">
        {t('invite.staffTitle')}
      </Title>
      <Text>{t('invite.staff')}</Text>
    </Stack>
  );
}

/**
 * The invitee, signed in: what accepting does to their membership, and the accept button. A change
 * that lowers or moves it is spelt out and accepted with a button that says so.
 */
export function JoinForm({ token, preview }: Props) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token);
  const place = usePlaceLabel();
  const { change } = preview;
  if (!change) return null;
  const values = {
    current: change.current ? place(change.current) : '',
    next: place(change.next),
  };
  const confirm = change.needsConfirmation;
  return (
    <AcceptForm
      title={t('invite.existingTitle')}
      accept={accept}
      onSubmit={() => accept.mutate({ confirmChange: confirm })}
      submitLabel={confirm ? t('invite.confirmAccept') : undefined}
    >
      <Text>{t(`invite.change.${change.kind}`, values)}</Text>
      {confirm && (
        <Alert color="orange" variant="light" title={t('invite.confirmTitle')}>
          {t('invite.confirmHint', values)}
        </Alert>
      )}
    </AcceptForm>
  );
}

/** "Editor for Málaga", or "Viewer for the whole pairing". */
function usePlaceLabel(): (place: MembershipPlaceDto) => string {
  const { t } = useTranslation();
  return ({ role, city }) =>
    city
      ? t('invite.place', { role: t(`role.${role}`), city })
      : t('invite.placeWhole', { role: t(`role.${role}`) });
}
