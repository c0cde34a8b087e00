import { Button, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../../api/api';
import { SubmitError, useErrorMessage } from '../../ui/Status';
import type { useAcceptInvitation } from './useInvitation';

/** The accept API's refusals in words, chosen by their code. */
function useAcceptErrorMessage(): (err: unknown) => string {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return (err) => {
    if (hasErrorCode(err, 'not_found')) return t('invite.invalid');
    if (hasErrorCode(err, 'invitation.sign_in_required')) return t('invite.errors.signInRequired');
    if (hasErrorCode(err, 'invitation.other_account')) return t('invite.errors.otherAccount');
    if (hasErrorCode(err, 'invitation.staff_account')) return t('invite.staff');
    if (hasErrorCode(err, 'conflict')) return t('invite.errors.changed');
    return generic(err);
  };
}

/** The frame of every accepting form: heading, the API's refusal, the fields, the accept button. */
export function AcceptForm(props: {
  title: string;
  accept: ReturnType<typeof useAcceptInvitation>;
  onSubmit: () => void;
  submitLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errorMessage = useAcceptErrorMessage();
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
        <SubmitError mutation={props.accept} message={errorMessage} />
        {props.children}
        <Button type="submit" loading={props.accept.isPending} style={{ alignSelf: 'flex-start' }}>
          {props.submitLabel ?? t('invite.accept')}
        </Button>
      </Stack>
    </form>
  );
}
