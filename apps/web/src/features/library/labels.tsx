/** Small labels of the library: kinds with their icons, statuses, the words for tags and scope. */
import { Badge, type BadgeProps } from '@mantine/core';
import type { ResourceKind, ResourceScope, ResourceStatus, ResourceSummaryDto } from '@iuc/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<ResourceStatus, string> = {
  shared: 'gray',
  submitted: 'orange',
  changes_requested: 'yellow',
  published: 'green',
  rejected: 'red',
};

/** The status in words (the colour only repeats it); published items need none on their cards. */
export function ResourceStatusBadge({ status, ...props }: { status: ResourceStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot" c="dark.8" tt="none" {...props}>
      {t(`library.status.${status}`)}
    </Badge>
  );
}

export function FeaturedBadge(props: BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color="yellow.3" c="dark.9" tt="none" leftSection={<StarIcon />} {...props}>
      {t('library.featured')}
    </Badge>
  );
}

function StarIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      <path d="m12 2 3 7h7l-5.5 4.5L18.5 21 12 16.8 5.5 21l2-7.5L2 9h7z" />
    </svg>
  );
}

const KIND_PATHS: Record<ResourceKind, string> = {
  good_practice: 'M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8L3.5 9.2l5.9-.9z',
  case_study: 'M4 5h16v14H4zM8 9h8M8 13h8M8 17h4',
  action_plan_summary: 'M9 5h10M9 12h10M9 19h10M4 5h.01M4 12h.01M4 19h.01',
  guideline: 'M12 3v18M5 8l7-5 7 5M5 8v9l7 4 7-4V8',
  toolkit: 'M3 8h18v11H3zM8 8V5h8v3M3 13h18',
  report: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h7',
  dataset:
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  recording: 'M5 5h14v14H5zM10 9l5 3-5 3z',
};

/** An item's kind as a picture (decorative: the kind is written beside it). */
export function KindIcon({ kind, size = 40 }: { kind: ResourceKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={KIND_PATHS[kind]} />
    </svg>
  );
}

/** Who sees an item, in words. */
export function useScopeWords(): (
  scope: ResourceScope,
  names: { pairing?: string | null; city?: string | null },
) => string {
  const { t } = useTranslation();
  return (scope, names) => {
    if (scope.level === 'programme') return t('library.scope.programme');
    if (scope.level === 'pairing')
      return names.pairing
        ? t('library.scope.pairing', { pairing: names.pairing })
        : t('library.scope.pairingAny');
    return names.city ? t('library.scope.side', { city: names.city }) : t('library.scope.sideAny');
  };
}

/** "Bologna, Italy" (or just the country, or nothing). */
export function usePlace(): (item: Pick<ResourceSummaryDto, 'city'>) => string | null {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const regions = new Intl.DisplayNames([lng], { type: 'region' });
    return (item) =>
      item.city
        ? `${item.city.name}, ${regions.of(item.city.countryCode.toUpperCase()) ?? item.city.countryCode}`
        : null;
  }, [lng]);
}
