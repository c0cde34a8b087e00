/** Named versions of the plan: save one, list them, compare one with now and restore from it. */
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { PlanDetailDto, PlanVersionDto } from '@iuc/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading, SubmitError } from '../../../ui/Status';
import ui from '../../../ui/ui.module.css';
import { useSaveVersion, useVersions } from '../usePlans';
import { useDateTime } from '../../../i18n/useDateTime';
import classes from './panels.module.css';
import { VersionDiffModal } from './VersionDiffModal';

export function VersionsPanel({ plan }: { plan: PlanDetailDto }) {
  const { t } = useTranslation();
  const versions = useVersions(plan.id);
  const [comparing, setComparing] = useState<PlanVersionDto | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  return (
    <Stack gap="md">
      {plan.permissions.canManageVersions && <SaveVersionForm planId={plan.id} />}
      <div role="status" aria-live="polite">
        {restored && (
          <Text size="sm" className={classes.success}>
            {restored}
          </Text>
        )}
      </div>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.versions.none')}
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          className={ui.plainList}
          aria-label={t('plans.versions.list')}
        >
          {[...versions.data]
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
            .map((version) => (
              <VersionItem
                key={version.id}
                version={version}
                onCompare={() => setComparing(version)}
              />
            ))}
        </Stack>
      )}
      <VersionDiffModal
        plan={plan}
        version={comparing}
        onClose={() => setComparing(null)}
        onRestored={(message) => {
          setComparing(null);
          setRestored(message);
        }}
      />
    </Stack>
  );
}

function SaveVersionForm({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const save = useSaveVersion(planId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('plans.versions.nameRequired'));
      return;
    }
    setError(null);
    save.mutate(trimmed, {
      onSuccess: (version) => {
        setName('');
        setSaved(t('plans.versions.saved', { name: version.name }));
      },
    });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label={t('plans.versions.name')}
          description={t('plans.versions.nameHint')}
          value={name}
          maxLength={120}
          error={error}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" size="sm" loading={save.isPending}>
            {t('plans.versions.save')}
          </Button>
        </Group>
        <SubmitError mutation={save} />
        <div role="status" aria-live="polite">
          {saved && !save.isError && (
            <Text size="sm" className={classes.success}>
              {saved}
            </Text>
          )}
        </div>
      </Stack>
    </form>
  );
}

function VersionItem({ version, onCompare }: { version: PlanVersionDto; onCompare: () => void }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  return (
    <Paper component="li" p="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {version.name}
          </Text>
          <Badge color={version.kind === 'manual' ? 'euBlue' : 'gray'} style={{ flexShrink: 0 }}>
            {t(`plans.versions.kind.${version.kind}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('plans.versions.by', { person: version.author?.name ?? t('plans.formerUser') })} ·{' '}
          <time dateTime={version.createdAt}>{dateTime(version.createdAt)}</time>
        </Text>
        {version.restoredFrom && (
          <Text size="xs" c="dimmed">
            {version.section
              ? t('plans.versions.restoredSection', {
                  name: version.restoredFrom.name,
                  section: t(`plans.section.${version.section}.title`),
                })
              : t('plans.versions.restoredFrom', { name: version.restoredFrom.name })}
          </Text>
        )}
        <Group>
          <Button variant="default" size="compact-sm" onClick={onCompare} aria-haspopup="dialog">
            {t('plans.versions.compare')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
