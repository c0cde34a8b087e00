/**
 * The review workflow: where the plan stands, what is missing before it can be submitted (each
 * item a link to the place to fix it), the steps this person may take, and the review history.
 */
import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { PlanDetailDto, PlanStatus } from '@iuc/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../../../api/api';
import { useErrorMessage } from '../../../ui/Status';
import { PlanStatusBadge } from '../labels';
import { useTransition } from '../usePlans';
import classes from './panels.module.css';
import { ReviewHistory } from './ReviewHistory';
import { SubmissionCheckView } from './SubmissionCheck';

export function ReviewPanel({ plan, onRecheck }: { plan: PlanDetailDto; onRecheck: () => void }) {
  const { t } = useTranslation();
  const open = plan.status === 'draft' || plan.status === 'changes_requested';
  // Kept here, not in the form: after a step the form may be gone (nothing more to do).
  const [done, setDone] = useState<PlanStatus | null>(null);
  return (
    <Stack gap="md">
      <div>
        <Group gap="xs">
          <Text size="sm">{t('plans.review.current')}</Text>
          <PlanStatusBadge status={plan.status} />
        </Group>
        <Text size="sm" mt={4}>
          {t(`plans.review.help.${plan.status}`)}
        </Text>
        <div role="status" aria-live="polite">
          {done && (
            <Text size="sm" mt={4} className={classes.success}>
              {t('plans.review.done', { status: t(`plans.status.${done}`) })}
            </Text>
          )}
        </div>
      </div>
      {open && <SubmissionCheckView plan={plan} onRecheck={onRecheck} />}
      {plan.permissions.transitions.length > 0 && <TransitionForm plan={plan} onDone={setDone} />}
      <ReviewHistory planId={plan.id} />
    </Stack>
  );
}

function TransitionForm({
  plan,
  onDone,
}: {
  plan: PlanDetailDto;
  onDone: (status: PlanStatus | null) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const transition = useTransition(plan.id, plan.pairingId);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  function submit(to: PlanStatus) {
    // Requesting changes without saying which would leave the city guessing.
    if (to === 'changes_requested' && !comment.trim()) {
      setCommentError(t('plans.review.commentRequired'));
      return;
    }
    setCommentError(null);
    onDone(null);
    transition.mutate(
      { to, comment: comment.trim() || undefined },
      {
        onSuccess: (result) => {
          setComment('');
          onDone(result.status);
        },
      },
    );
  }

  const blocked = !plan.submission.ok;
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e: FormEvent) => e.preventDefault()}
      aria-labelledby="plan-steps-title"
    >
      <Title order={3} size="h6" id="plan-steps-title">
        {t('plans.review.steps')}
      </Title>
      <Textarea
        label={t('plans.review.comment')}
        description={t('plans.review.commentHint')}
        autosize
        minRows={2}
        maxRows={6}
        value={comment}
        error={commentError}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <Group gap="xs">
        {plan.permissions.transitions.map((to) => {
          const needsCheck = to === 'submitted' && blocked;
          return (
            <Button
              key={to}
              size="sm"
              variant={to === 'changes_requested' ? 'default' : 'filled'}
              loading={transition.isPending && transition.variables?.to === to}
              disabled={transition.isPending || needsCheck}
              aria-describedby={needsCheck ? 'plan-check-missing' : undefined}
              onClick={() => submit(to)}
            >
              {t(`plans.review.to.${to}`)}
            </Button>
          );
        })}
      </Group>
      {transition.isError && (
        <Alert key={transition.submittedAt} color="red" variant="light" role="alert">
          {hasErrorCode(transition.error, 'unprocessable')
            ? t('plans.review.refused')
            : errorMessage(transition.error)}
        </Alert>
      )}
    </Stack>
  );
}
