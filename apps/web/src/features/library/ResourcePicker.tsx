/**
 * Chooses library items (the plan action's "Inspired by"): the chosen ones as links with their
 * titles, and a search over the library, good practices first, to add more.
 */
import { ActionIcon, Anchor, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import ui from '../../ui/ui.module.css';
import { resourcePath } from './links';
import { useResource, useResourceSearch } from './useLibrary';

interface Props {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  readOnly: boolean;
  id?: string;
}

const MAX_CITED = 10;

export function ResourcePicker({ label, value, onChange, readOnly, id }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useResourceSearch(debounced);
  const listId = id ? `${id}-chosen` : undefined;
  const options = (found.data ?? [])
    .filter((r) => !value.includes(r.id))
    .map((r) => ({ value: r.id, label: `${r.title} · ${t(`library.kind.${r.kind}`)}` }));
  return (
    <Stack gap={4}>
      {readOnly ? (
        <Text size="sm" fw={500} id={id}>
          {label}
        </Text>
      ) : (
        <Select
          id={id}
          label={label}
          description={t('library.picker.help')}
          placeholder={t('library.picker.search')}
          data={options}
          value={null}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={found.isFetching ? t('app.loading') : t('library.picker.none')}
          disabled={value.length >= MAX_CITED}
          onChange={(picked) => {
            if (picked && !value.includes(picked)) onChange([...value, picked]);
            setSearch('');
          }}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {value.length === 0 ? (
        readOnly && (
          <Text size="sm" c="dimmed">
            {t('library.picker.empty')}
          </Text>
        )
      ) : (
        <Stack component="ul" gap={2} className={ui.plainList} id={listId} aria-label={label}>
          {value.map((resourceId) => (
            <li key={resourceId}>
              <Cited
                id={resourceId}
                readOnly={readOnly}
                onRemove={() => onChange(value.filter((v) => v !== resourceId))}
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Cited({
  id,
  readOnly,
  onRemove,
}: {
  id: string;
  readOnly: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const item = useResource(id);
  const title = item.data?.title ?? (item.isError ? t('library.picker.hidden') : t('app.loading'));
  return (
    <Group gap={4} wrap="nowrap">
      {item.data ? (
        <Anchor
          component={Link}
          to={resourcePath(id)}
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {title}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          {title}
        </Text>
      )}
      {!readOnly && (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={onRemove}
          aria-label={t('library.picker.remove', { title })}
        >
          <svg
            width="14"
            height="14"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </ActionIcon>
      )}
    </Group>
  );
}
