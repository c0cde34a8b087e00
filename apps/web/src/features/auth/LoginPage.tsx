import { Alert, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../ui/page';
import { useSession } from '../../session/session';
import { DemoPicker } from './DemoPicker';
import { LoginForm } from './LoginForm';
import { safeNext } from './useSignIn';

export function LoginPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (user) return <Navigate to={next} replace />;
  return (
    <Stack gap="lg">
      <div>
        <PageHeading>{t('login.title')}</PageHeading>
        <Text c="dimmed" mt={4}>
          {t('login.intro')}
        </Text>
      </div>
      {next.startsWith('/invite/') && (
        <Alert color="blue" variant="light">
          {t('login.toAcceptInvitation')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Paper p="lg" component="section" aria-labelledby="login-form-title">
          <Title order={2} size="h3" id="login-form-title" mb="md">
            {t('login.formTitle')}
          </Title>
          <LoginForm />
        </Paper>
        <DemoPicker />
      </SimpleGrid>
    </Stack>
  );
}
