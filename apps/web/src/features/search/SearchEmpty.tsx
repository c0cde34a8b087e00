/** What the page says when there is nothing to show: no query yet, no results, a query it cannot take. */
import { Alert, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { SEARCH_LIMITS } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { hasErrorCode, type ApiRequestError } from '../../api/api';
import { useFormat } from '../../i18n/format';

/** Before any query: what can be found, and how. */
export function NoQuery() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          {t('search.intro.title')}
        </Title>
        <Text>{t('search.intro.body')}</Text>
        <List spacing={4}>
          <List.Item>{t('search.intro.resources')}</List.Item>
          <List.Item>{t('search.intro.plans')}</List.Item>
          <List.Item>{t('search.intro.messages')}</List.Item>
          <List.Item>{t('search.intro.pairings')}</List.Item>
          <List.Item>{t('search.intro.people')}</List.Item>
        </List>
        <Text>{t('search.intro.languages')}</Text>
        <Text size="sm" c="dimmed">
          {t('search.intro.shortcut')}
        </Text>
      </Stack>
    </Paper>
  );
}

export function NoResults({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl">
      <Stack gap="sm" align="flex-start">
        <Title order={3} size="h4">
          {t('search.none.title')}
        </Title>
        <Text>{t('search.none.fewerWords')}</Text>
        {filtered && (
          <>
            <Text>{t('search.none.filters')}</Text>
            <Button variant="default" onClick={onClear}>
              {t('search.none.clear')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** A query the API refused as a query (branching on the code, never on the message's words). */
export function isQueryProblem(err: unknown): err is ApiRequestError {
  return hasErrorCode(err, 'search.empty_query') || hasErrorCode(err, 'search.query_too_long');
}

export function QueryProblem({ error, q }: { error: ApiRequestError; q: string }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const tooLong = error.code === 'search.query_too_long';
  return (
    <Alert color="orange" variant="light" title={t('search.problem.title')} role="alert">
      {tooLong
        ? t('search.problem.tooLong', {
            max: number(SEARCH_LIMITS.queryMaxChars),
            length: number([...q].length),
          })
        : t('search.problem.empty')}
    </Alert>
  );
}
