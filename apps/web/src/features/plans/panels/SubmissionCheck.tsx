/** What the template still misses before submission, each item a link to the place to fix it. */
import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { PlanDetailDto, SubmissionProblem } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import ui from '../../../ui/ui.module.css';
import { focusActionField, focusSection, sectionId } from '../focus';
import { useSectionTitle } from '../labels';
import classes from './panels.module.css';

export function SubmissionCheckView({
  plan,
  onRecheck,
}: {
  plan: PlanDetailDto;
  onRecheck: () => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText(plan);
  const { problems, warnings } = plan.submission;
  return (
    <Stack gap={6} component="section" aria-labelledby="plan-check-title">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h6" id="plan-check-title">
          {t('plans.check.title')}
        </Title>
        <Button variant="subtle" size="compact-xs" onClick={onRecheck}>
          {t('plans.check.again')}
        </Button>
      </Group>
      {problems.length === 0 ? (
        <Text size="sm" className={classes.success}>
          {t('plans.check.ready')}
        </Text>
      ) : (
        <>
          <Text size="sm" id="plan-check-missing">
            {t('plans.check.missing', { count: problems.length })}
          </Text>
          <List size="sm" spacing={2} className={ui.plainList} aria-labelledby="plan-check-missing">
            {problems.map((problem, i) => (
              <List.Item key={i}>
                <ProblemLink problem={problem}>{problemText(problem)}</ProblemLink>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {warnings.map((w) => (
        <Text key={w.code} size="sm" className={classes.warning}>
          {t('plans.check.fundingWarning', { share: Math.round(w.securedShare * 100) })}
        </Text>
      ))}
    </Stack>
  );
}

/** The problem, in the reader's language, from its code (the server's message is English). */
function useProblemText(plan: PlanDetailDto) {
  const { t } = useTranslation();
  const sectionTitle = useSectionTitle();
  const numberOf = (key: string) => plan.sections.find((s) => s.key === key)?.number ?? 0;
  return (p: SubmissionProblem): string => {
    const action = p.actionTitle?.trim() || t('plans.actions.untitled');
    switch (p.code) {
      case 'section-empty':
        return t('plans.check.sectionEmpty', {
          section: p.section ? sectionTitle(p.section, numberOf(p.section)) : '',
        });
      case 'no-actions':
        return t('plans.check.noActions');
      case 'action-without-objective':
        return t('plans.check.noObjective', { action });
      case 'action-without-indicator':
        return t('plans.check.noIndicator', { action });
      case 'no-pilot':
        return t('plans.check.noPilot');
      default:
        return p.message;
    }
  };
}

function ProblemLink({ problem, children }: { problem: SubmissionProblem; children: string }) {
  const section = problem.section ?? 'actions';
  return (
    <Anchor
      href={`#${sectionId(section)}`}
      size="sm"
      onClick={(e) => {
        e.preventDefault();
        if (problem.actionId) {
          focusActionField(
            problem.actionId,
            problem.code === 'action-without-indicator' ? 'details' : 'objective',
          );
        } else focusSection(section);
      }}
    >
      {children}
    </Anchor>
  );
}
