/** Small labels of plans, shared by the plan page and the pairing page. */
import { Badge, type BadgeProps } from '@mantine/core';
import type { PlanSectionKey, PlanStatus } from '@iuc/domain';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<PlanStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  changes_requested: 'orange',
  approved: 'green',
  adopted: 'violet',
};

export function PlanStatusBadge({ status, ...props }: { status: PlanStatus } & BadgeProps) {
  const { t } = useTranslation();
  // The status is written out; the colour only repeats it.
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot" c="dark.8" {...props}>
      {t(`plans.status.${status}`)}
    </Badge>
  );
}

/** "3. Vision and objectives", translated. */
export function useSectionTitle(): (key: PlanSectionKey, number: number) => string {
  const { t } = useTranslation();
  return (key, number) =>
    t('plans.sectionTitle', { number, title: t(`plans.section.${key}.title`) });
}
