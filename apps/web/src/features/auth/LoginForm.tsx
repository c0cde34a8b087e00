import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitError } from '../../ui/Status';
import { useSignIn, useSignInErrorMessage } from './useSignIn';

export function LoginForm() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const errorMessage = useSignInErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = { email: !email.trim(), password: !password };
    setMissing(next);
    if (next.email || next.password) return;
    signIn.mutate({ email: email.trim(), password });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SubmitError mutation={signIn} message={errorMessage} />
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={missing.email ? t('login.emailRequired') : undefined}
          required
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={missing.password ? t('login.passwordRequired') : undefined}
          required
        />
        <Button type="submit" loading={signIn.isPending}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
