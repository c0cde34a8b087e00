import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
