/** Loading and error states shared by every page, announced to assistive technology. */
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasErrorCode, isApiError } from '../api/api';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {label ?? t('app.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** The message a person should read for an API error (network, validation, or the API's text). */
export function useErrorMessage(): (err: unknown) => string {
  const { t } = useTranslation();
  return (err) => {
    if (hasErrorCode(err, 'network')) return t('errors.network');
    if (hasErrorCode(err, 'not_found')) return t('errors.notFound');
    // The server refused the page's address: say what its operator has to set, not "not allowed".
    if (hasErrorCode(err, 'origin_not_allowed'))
      return t('errors.originNotAllowed', { origin: window.location.origin });
    if (hasErrorCode(err, 'forbidden')) return t('errors.forbidden');
    if (isApiError(err) && err.statusCode < 500) return err.message;
    return t('errors.generic');
  };
}

export function ErrorAlert({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * The error of a form's last submission, announced (role="alert"). Keyed by the attempt, so a
 * repeated failure is announced again rather than silently left on screen.
 */
export function SubmitError({
  mutation,
  message,
}: {
  mutation: { error: unknown; submittedAt: number };
  message?: (err: unknown) => string;
}) {
  const fallback = useErrorMessage();
  if (!mutation.error) return null;
  return (
    <Alert key={mutation.submittedAt} color="red" variant="light">
      {(message ?? fallback)(mutation.error)}
    </Alert>
  );
}
