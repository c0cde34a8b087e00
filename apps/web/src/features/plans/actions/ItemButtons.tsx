/** Move up, move down and remove buttons of a list item, named after the item for screen readers. */
import { ActionIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function MoveButtons({
  index,
  count,
  name,
  onMove,
}: {
  index: number;
  count: number;
  name: string;
  onMove: (to: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <IconButton
        label={t('plans.list.moveUp', { name })}
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        path="m18 15-6-6-6 6"
      />
      <IconButton
        label={t('plans.list.moveDown', { name })}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        path="m6 9 6 6 6-6"
      />
    </>
  );
}

export function RemoveButton({ name, onRemove }: { name: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <IconButton
      label={t('plans.list.remove', { name })}
      onClick={onRemove}
      color="red.9"
      path="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6"
    />
  );
}

function IconButton({
  label,
  onClick,
  disabled,
  path,
  color,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  path: string;
  color?: string;
}) {
  return (
    <Tooltip label={label} withArrow openDelay={400}>
      <ActionIcon
        variant="subtle"
        color={color ?? 'dark'}
        aria-label={label}
        disabled={disabled}
        onClick={onClick}
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d={path} />
        </svg>
      </ActionIcon>
    </Tooltip>
  );
}
