import { Alert, Anchor, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { InvitationPreviewDto, UserDto } from '@iuc/domain';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasErrorCode } from '../../api/api';
import { PageHeading, usePageTitle } from '../../ui/page';
import { useSession } from '../../session/session';
import { useFormat } from '../../i18n/format';
import { ErrorAlert, Loading } from '../../ui/Status';
import { AcceptForm } from './AcceptForm';
import { JoinForm, OtherAccount, SignInFirst, StaffAccount } from './JoinInvitation';
import { useAcceptInvitation, useInvitationPreview } from './useInvitation';

/** As the API's AcceptInvitationBody requires. */
export const MIN_PASSWORD_LENGTH = 8;

export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  // Asked once the session is known: signed in as the invitee, the answer says what would change.
  const preview = useInvitationPreview(token, session.isPending ? undefined : session.user);
  usePageTitle(t('invite.title'));
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <Stack maw={560}>
        <PageHeading>{t('invite.title')}</PageHeading>
        {hasErrorCode(preview.error, 'not_found') ? (
          <Alert color="red" variant="light" title={t('invite.invalidTitle')}>
            {t('invite.invalid')}
          </Alert>
        ) : (
          <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
        )}
        <Anchor component={Link} to="/login">
          {t('invite.goToLogin')}
        </Anchor>
      </Stack>
    );
  }
  return <AcceptInvitation token={token} preview={preview.data} user={session.user} />;
}

function AcceptInvitation({
  token,
  preview,
  user,
}: {
  token: string;
  preview: InvitationPreviewDto;
  user: UserDto | null;
}) {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <Stack maw={560} gap="lg">
      <div>
        <PageHeading>{t('invite.title')}</PageHeading>
        <Text mt="xs">
          <Trans
            i18nKey={preview.city ? 'invite.summaryCity' : 'invite.summary'}
            values={{
              pairing: preview.pairingTitle,
              role: t(`role.${preview.role}`),
              city: preview.city,
            }}
            components={{ strong: <strong /> }}
          />
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t('invite.details', { email: preview.email, date: date(preview.expiresAt) })}
        </Text>
      </div>
      <Paper p="lg" component="section" aria-labelledby="accept-title">
        <AcceptStep token={token} preview={preview} user={user} />
      </Paper>
    </Stack>
  );
}

/**
 * What the person can do from here. A new address creates its account; an existing one accepts
 * signed in as itself, never through the link alone.
 */
function AcceptStep(props: { token: string; preview: InvitationPreviewDto; user: UserDto | null }) {
  const { preview, user } = props;
  if (user && user.email !== preview.email) return <OtherAccount {...props} user={user} />;
  if (!preview.hasAccount) return <NewAccountForm {...props} />;
  if (!user) return <SignInFirst {...props} />;
  if (user.programmeRole) return <StaffAccount />;
  return <JoinForm {...props} />;
}

function NewAccountForm({ token, preview }: { token: string; preview: InvitationPreviewDto }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token);
  const [name, setName] = useState(preview.name);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const errors = {
    name: name.trim() ? undefined : t('invite.nameRequired'),
    password:
      password.length < MIN_PASSWORD_LENGTH
        ? t('invite.passwordTooShort', { count: MIN_PASSWORD_LENGTH })
        : undefined,
    confirm: confirm !== password ? t('invite.passwordMismatch') : undefined,
  };
  const shown = (key: keyof typeof errors) => (checked ? errors[key] : undefined);

  function submit() {
    setChecked(true);
    if (Object.values(errors).some(Boolean)) return;
    accept.mutate({ password, name: name.trim() });
  }

  return (
    <AcceptForm title={t('invite.formTitle')} accept={accept} onSubmit={submit}>
      <TextInput
        label={t('invite.name')}
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={shown('name')}
        required
      />
      <TextInput label={t('login.email')} value={preview.email} readOnly autoComplete="username" />
      <PasswordInput
        label={t('invite.password')}
        description={t('invite.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={shown('password')}
        required
      />
      <PasswordInput
        label={t('invite.confirm')}
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.currentTarget.value)}
        error={shown('confirm')}
        required
      />
    </AcceptForm>
  );
}
