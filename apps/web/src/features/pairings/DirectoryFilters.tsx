import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  CALLS,
  THEMES,
  WORLD_REGIONS,
  type PairingFilters,
  type PairingSummaryDto,
} from '@iuc/domain';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { FilterKey } from './usePairings';

interface Props {
  filters: PairingFilters;
  setFilter: (key: FilterKey, value: string | undefined) => void;
  clear: () => void;
  /** Every pairing, to offer only countries that occur. */
  all: PairingSummaryDto[];
}

export function DirectoryFilters({ filters, setFilter, clear, all }: Props) {
  const { t } = useTranslation();
  const { country } = useFormat();
  const [text, setText] = useState(filters.text ?? '');
  const [debounced] = useDebouncedValue(text, 250);
  useEffect(() => setFilter('text', debounced.trim() || undefined), [debounced, setFilter]);

  const any = t('directory.any');
  const option = (value: string, label: string) => ({ value, label });
  const countries = useMemo(() => {
    const isos = new Set(all.flatMap((p) => [...p.eu, ...p.partner].map((a) => a.countryIso)));
    return [...isos]
      .map((iso) => option(iso, country(iso)))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [all, country]);
  // Regions filter the partner side; every EU side is in Europe.
  const regions = WORLD_REGIONS.filter((r) => r !== 'europe').map((r) =>
    option(r, t(`region.${r}`)),
  );
  const themes = THEMES.map((code) => option(code, t(`theme.${code}`))).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  const calls = CALLS.map((c) => option(c.code, t('pairing.callLabel', { code: c.code })));
  const select = (
    key: Exclude<FilterKey, 'text'>,
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <NativeSelect
      label={label}
      value={filters[key] ?? ''}
      onChange={(e) => setFilter(key, e.currentTarget.value || undefined)}
      data={[option('', any), ...options]}
    />
  );

  return (
    <Paper
      p="md"
      component="form"
      role="search"
      aria-label={t('directory.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <TextInput
          type="search"
          label={t('directory.search')}
          placeholder={t('directory.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {select('region', t('directory.region'), regions)}
        {select('call', t('directory.call'), calls)}
        {select('theme', t('directory.theme'), themes)}
        {select('country', t('directory.country'), countries)}
      </SimpleGrid>
      {Object.values(filters).some(Boolean) && (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setText('');
              clear();
            }}
          >
            {t('directory.clear')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
