/** The results: each with its kind, its title linking to where it matched, where it lives and when, and the highlighted passage. */
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { SearchResultDto } from '@iuc/domain';
import { Link } from 'react-router';
import { useDates } from '../../i18n/useDates';
import ui from '../../ui/ui.module.css';
import { KindBadge } from './kinds';
import { Snippet } from './snippet';
import classes from './Search.module.css';

export function ResultList({ items, showKind }: { items: SearchResultDto[]; showKind: boolean }) {
  return (
    <Stack component="ol" gap={0} className={ui.plainList}>
      {items.map((item) => (
        <li key={`${item.kind}:${item.id}`} className={classes.result}>
          <Result item={item} showKind={showKind} />
        </li>
      ))}
    </Stack>
  );
}

function Result({ item, showKind }: { item: SearchResultDto; showKind: boolean }) {
  const dates = useDates();
  const lang = item.language ?? undefined;
  return (
    <Stack gap={4}>
      {showKind && (
        <Group gap="xs">
          <KindBadge kind={item.kind} />
        </Group>
      )}
      <Title order={3} size="h5" className={classes.resultTitle}>
        <Anchor component={Link} to={item.url} lang={lang}>
          {item.title}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed">
        {[item.context, dates.shortDay(item.date)].filter(Boolean).join(' · ')}
      </Text>
      {item.snippet && (
        <Text size="sm" component="p" m={0}>
          <Snippet snippet={item.snippet} className={classes.snippet} lang={lang} />
        </Text>
      )}
    </Stack>
  );
}
