/** What a result is, in words and as a small picture (decorative: the word is always beside it). */
import { Badge } from '@mantine/core';
import type { SearchKind } from '@iuc/domain';
import { useTranslation } from 'react-i18next';

const KIND_PATHS: Record<SearchKind, string> = {
  resource: 'M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8L3.5 9.2l5.9-.9z',
  file: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h7',
  'plan-section': 'M5 4h14v16H5zM8 8h8M8 12h8M8 16h5',
  action: 'M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2',
  message: 'M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z',
  pairing: 'M9 12a4 4 0 1 1 0-.01M15 12a4 4 0 1 1 0-.01',
  authority: 'M4 21V9l5-3v15M9 21V4l6 3v14M15 21v-9l5 2v7M3 21h18',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
};

export function KindIcon({ kind, size = 16 }: { kind: SearchKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={KIND_PATHS[kind]} />
    </svg>
  );
}

/** The kind as a badge with its icon ("Message", "Plan section"…). */
export function KindBadge({ kind }: { kind: SearchKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color="euBlue"
      tt="none"
      radius="sm"
      leftSection={<KindIcon kind={kind} size={12} />}
    >
      {t(`search.kind.${kind}`)}
    </Badge>
  );
}
