import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { InvitationPreviewDto } from '@iuc/domain';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { PageHeading, usePageTitle } from '../../app/page';
import { useFormat } from '../../i18n/format';
import { ErrorAlert, Loading, SubmitError, useErrorMessage } from '../../ui/Status';
import { useAcceptInvitation, useInvitationPreview } from './useInvitation';

/** As the API's AcceptInvitationBody requires. */
export const MIN_PASSWORD_LENGTH = 8;

export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  usePageTitle(t('invite.title'));
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <Stack maw={560}>
        <PageHeading>{t('invite.title')}</PageHeading>
        {isApiError(preview.error, 404) ? (
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
  return <AcceptInvitation token={token} preview={preview.data} />;
}

function AcceptInvitation({ token, preview }: { token: string; preview: InvitationPreviewDto }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <Stack maw={560} gap="lg">
      <div>
        <PageHeading>{t('invite.title')}</PageHeading>
        <Text mt="xs">
          <Trans
            i18nKey="invite.summary"
            values={{ pairing: preview.pairingTitle, role: t(`role.${preview.role}`) }}
            components={{ strong: <strong /> }}
          />
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t('invite.details', { email: preview.email, date: date(preview.expiresAt) })}
        </Text>
      </div>
      <Paper p="lg" component="section" aria-labelledby="accept-title">
        {/* An existing account keeps its password: accepting only adds the membership. */}
        {preview.hasAccount ? (
          <JoinForm token={token} preview={preview} />
        ) : (
          <NewAccountForm token={token} preview={preview} />
        )}
      </Paper>
    </Stack>
  );
}

function JoinForm({ token, preview }: { token: string; preview: InvitationPreviewDto }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(preview);
  return (
    <AcceptForm
      title={t('invite.existingTitle')}
      accept={accept}
      onSubmit={() => accept.mutate({ token })}
    >
      <Text>{t('invite.existingAccount', { email: preview.email })}</Text>
    </AcceptForm>
  );
}

function NewAccountForm({ token, preview }: { token: string; preview: InvitationPreviewDto }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(preview);
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
    accept.mutate({ token, password, name: name.trim() });
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

/** The form frame both variants share: heading, the API's error, the fields, the accept button. */
function AcceptForm(props: {
  title: string;
  accept: ReturnType<typeof useAcceptInvitation>;
  onSubmit: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { accept } = props;
  function submit(e: FormEvent) {
    e.preventDefault();
    props.onSubmit();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3" id="accept-title">
          {props.title}
        </Title>
        <SubmitError
          mutation={accept}
          message={(err) => (isApiError(err, 404) ? t('invite.invalid') : errorMessage(err))}
        />
        {props.children}
        <Button type="submit" loading={accept.isPending}>
          {t('invite.accept')}
        </Button>
      </Stack>
    </form>
  );
}
