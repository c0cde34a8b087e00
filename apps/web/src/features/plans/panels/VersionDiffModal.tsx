/**
 * A saved version compared with the plan now, section by section, with restore buttons (the whole
 * version or one section) behind a confirmation. A restore is applied by the server through the
 * sync server, so the text changes live in every open editor.
 */
import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { ActionTableDiff, PlanDetailDto, PlanSectionKey, PlanVersionDto } from '@iuc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading, useErrorMessage } from '../../../ui/Status';
import ui from '../../../ui/ui.module.css';
import { useSectionTitle } from '../labels';
import { useRestoreVersion, useVersionDiff } from '../usePlans';
import { DiffText } from './DiffText';
import classes from './panels.module.css';

interface Props {
  plan: PlanDetailDto;
  version: PlanVersionDto | null;
  onClose: () => void;
  onRestored: (message: string) => void;
}

/** What a restore would bring back: the whole version, or one section of it. */
type Target = { section: PlanSectionKey | null };

export function VersionDiffModal({ plan, version, onClose, onRestored }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      size="xl"
      title={version ? t('plans.diff.title', { name: version.name }) : ''}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      {/* Mounted only while open: each opening compares with the plan as it is then. */}
      {version && <DiffBody plan={plan} version={version} onRestored={onRestored} />}
    </Modal>
  );
}

function DiffBody({
  plan,
  version,
  onRestored,
}: {
  plan: PlanDetailDto;
  version: PlanVersionDto;
  onRestored: (m: string) => void;
}) {
  const { t } = useTranslation();
  const diff = useVersionDiff(plan.id, version.id);
  const restore = useRestoreVersion(plan.id);
  const errorMessage = useErrorMessage();
  const sectionTitle = useSectionTitle();
  const [confirming, setConfirming] = useState<Target | null>(null);
  const canRestore = plan.permissions.canManageVersions;

  if (diff.isPending) return <Loading />;
  if (diff.isError) return <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />;

  const changed = diff.data.sections.filter((s) => s.changed);
  const unchanged = diff.data.sections.filter((s) => !s.changed);
  const actionsChanged = hasActionChanges(diff.data.actions);
  const targetName = (target: Target) =>
    target.section
      ? sectionTitle(
          target.section,
          diff.data.sections.find((s) => s.key === target.section)?.number ?? 0,
        )
      : t('plans.diff.wholeVersion');

  if (confirming) {
    const name = targetName(confirming);
    return (
      <Stack gap="md" role="alertdialog" aria-labelledby="restore-question">
        <Text fw={600} id="restore-question">
          {confirming.section
            ? t('plans.diff.confirmSection', { section: name, version: version.name })
            : t('plans.diff.confirmWhole', { version: version.name })}
        </Text>
        <Text size="sm">{t('plans.diff.confirmDetail')}</Text>
        {restore.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(restore.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
            {t('app.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={restore.isPending}
            onClick={() =>
              restore.mutate(
                { versionId: version.id, section: confirming.section ?? undefined },
                {
                  onSuccess: () =>
                    onRestored(t('plans.diff.restored', { what: name, version: version.name })),
                },
              )
            }
          >
            {t('plans.diff.restore')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        {t('plans.diff.legendIntro')}{' '}
        <del className={classes.legendDel}>{t('plans.diff.legendRemoved')}</del>{' '}
        <ins className={classes.legendIns}>{t('plans.diff.legendAdded')}</ins>
      </Text>
      {canRestore && (changed.length > 0 || actionsChanged) && (
        <Group>
          <Button color="red.9" variant="outline" onClick={() => setConfirming({ section: null })}>
            {t('plans.diff.restoreWhole')}
          </Button>
        </Group>
      )}
      {changed.length === 0 && !actionsChanged && <Text>{t('plans.diff.noChanges')}</Text>}
      {changed.map((section) => {
        const title = sectionTitle(section.key, section.number);
        return (
          <Stack
            key={section.key}
            gap="xs"
            component="section"
            aria-labelledby={`diff-${section.key}`}
          >
            <Group justify="space-between" gap="xs">
              <Title order={3} size="h5" id={`diff-${section.key}`}>
                {title}
              </Title>
              {canRestore && (
                <Button
                  variant="default"
                  size="compact-sm"
                  onClick={() => setConfirming({ section: section.key })}
                  aria-label={t('plans.diff.restoreSectionNamed', { section: title })}
                >
                  {t('plans.diff.restoreSection')}
                </Button>
              )}
            </Group>
            <DiffText
              segments={section.diff}
              label={t('plans.diff.changesIn', { section: title })}
            />
          </Stack>
        );
      })}
      {actionsChanged && (
        <ActionChanges
          actions={diff.data.actions}
          // Restoring section 5 brings back its text and the table: one button for both.
          canRestore={canRestore && !changed.some((s) => s.key === 'actions')}
          onRestore={() => setConfirming({ section: 'actions' })}
        />
      )}
      {unchanged.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('plans.diff.unchanged', { sections: unchanged.map((s) => s.number).join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

function hasActionChanges(actions: ActionTableDiff): boolean {
  return actions.added.length + actions.removed.length + actions.changed.length > 0;
}

function ActionChanges({
  actions,
  canRestore,
  onRestore,
}: {
  actions: ActionTableDiff;
  canRestore: boolean;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  const untitled = t('plans.actions.untitled');
  const items = [
    ...actions.added.map((a) => t('plans.diff.actionAdded', { title: a.title || untitled })),
    ...actions.removed.map((a) => t('plans.diff.actionRemoved', { title: a.title || untitled })),
    ...actions.changed.map((c) =>
      t('plans.diff.actionChanged', {
        title: c.title || untitled,
        fields: c.changes.map((f) => t(`plans.action.${f.field}`)).join(', '),
      }),
    ),
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="diff-action-table">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5" id="diff-action-table">
          {t('plans.diff.actionTable')}
        </Title>
        {canRestore && (
          <Button variant="default" size="compact-sm" onClick={onRestore}>
            {t('plans.diff.restoreActions')}
          </Button>
        )}
      </Group>
      <Stack component="ul" gap={4} className={ui.plainList}>
        {items.map((item, i) => (
          <Text component="li" size="sm" key={i}>
            {item}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
