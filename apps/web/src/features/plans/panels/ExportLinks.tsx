/** Downloads of the plan as Markdown, Word and PDF (rendered by the server from the current text). */
import { Button, Stack, Text } from '@mantine/core';
import { PLAN_EXPORT_FORMATS } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../usePlans';

export function ExportLinks({ planId }: { planId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm">{t('plans.export.intro')}</Text>
      {PLAN_EXPORT_FORMATS.map((format) => (
        <Button
          key={format}
          component="a"
          href={exportUrl(planId, format)}
          download
          variant="default"
          justify="flex-start"
        >
          {t(`plans.export.${format}`)}
        </Button>
      ))}
    </Stack>
  );
}
