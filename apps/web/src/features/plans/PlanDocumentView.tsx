/**
 * The plan's twelve sections, live: a rich-text editor per narrative section and the action table
 * for section 5, all on one shared document, with the sync status and who is here above them.
 */
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { sectionFragmentName, type PlanDetailDto, type PlanSectionDefinition } from '@iuc/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../session/session';
import { Loading } from '../../ui/Status';
import { useChannels } from '../discussions';
import { ActionTable } from './actions/ActionTable';
import type { PlanDocument } from './collab/usePlanDocument';
import { userColor } from './collab/userColor';
import { EDITOR_HINT_ID, SectionEditor } from './editor/SectionEditor';
import { sectionHeadingId, sectionId } from './focus';
import { useSectionTitle } from './labels';
import { PresenceList } from './PresenceList';
import { SectionShareMenu } from './SectionShareMenu';
import { SyncStatus } from './SyncStatus';
import classes from './PlanPage.module.css';

export function PlanDocumentView({
  plan,
  document,
}: {
  plan: PlanDetailDto;
  document: PlanDocument | null;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const canEdit = plan.permissions.canEdit;
  // A section is discussed in the pairing's general channel (members only: others get no list).
  const channels = useChannels(plan.pairingId);
  const canDiscuss = channels.data?.some((c) => c.kind === 'general' && c.canPost) ?? false;
  if (!document) return <Loading label={t('plans.loadingDocument')} />;
  const caretUser = { name: user.name, color: userColor(user.id) };
  return (
    <Stack gap="lg">
      <Paper p="sm" className={classes.statusBar}>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <SyncStatus saves={document.saves} canEdit={canEdit} />
          <PresenceList
            awareness={document.provider.awareness}
            me={{ id: user.id, name: user.name, canEdit }}
          />
        </Group>
      </Paper>
      {canEdit && (
        <Text size="sm" c="dimmed" id={EDITOR_HINT_ID}>
          {t('plans.editor.hint')}
        </Text>
      )}
      {plan.sections.map((section) => (
        <PlanSection
          key={section.key}
          section={section}
          share={<SectionShareMenu plan={plan} section={section} canDiscuss={canDiscuss} />}
        >
          {section.key === 'actions' ? (
            <Stack gap="sm">
              <Text size="sm" fw={600} aria-hidden="true">
                {t('plans.actions.notes')}
              </Text>
              <SectionEditor
                plan={document}
                field={sectionFragmentName(section.key)}
                label={t('plans.actions.notes')}
                user={caretUser}
                editable={canEdit}
                lang={plan.language}
              />
              <ActionTable doc={document.doc} readOnly={!canEdit} />
            </Stack>
          ) : (
            <SectionEditor
              plan={document}
              field={sectionFragmentName(section.key)}
              label={t(`plans.section.${section.key}.title`)}
              user={caretUser}
              editable={canEdit}
              lang={plan.language}
              describedBy={`${sectionId(section.key)}-guidance`}
            />
          )}
        </PlanSection>
      ))}
    </Stack>
  );
}

function PlanSection({
  section,
  share,
  children,
}: {
  section: PlanSectionDefinition;
  /** The section's link menu, beside its heading. */
  share: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const title = useSectionTitle();
  return (
    <section
      id={sectionId(section.key)}
      aria-labelledby={sectionHeadingId(section.key)}
      className={classes.section}
    >
      <Group gap="xs" align="baseline" wrap="wrap">
        <Title
          order={2}
          size="h3"
          id={sectionHeadingId(section.key)}
          tabIndex={-1}
          className={classes.sectionTitle}
        >
          {title(section.key, section.number)}
        </Title>
        {section.requiredForSubmission && (
          <Badge color="gray" variant="outline" tt="none">
            {t('plans.requiredBadge')}
          </Badge>
        )}
        {share}
      </Group>
      <Text size="sm" c="dimmed" mt={4} mb="sm" id={`${sectionId(section.key)}-guidance`}>
        {t(`plans.section.${section.key}.guidance`)}
      </Text>
      {children}
    </section>
  );
}
