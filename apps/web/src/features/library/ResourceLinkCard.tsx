/**
 * A card for a library item linked in a message: title, kind, city. Shown only when the reader may
 * open the item (the API answers 404 otherwise, and then nothing is shown at all).
 */
import { Anchor, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KindIcon, usePlace } from './labels';
import { resourcePath } from './links';
import { useResource } from './useLibrary';
import classes from './Library.module.css';

export function ResourceLinkCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const resource = useResource(id);
  const place = usePlace();
  if (!resource.data) return null;
  const item = resource.data;
  return (
    <Paper
      withBorder
      p="xs"
      className={classes.linkCard}
      component="aside"
      aria-label={t('library.card.label')}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text c="euBlue.7" component="span" style={{ flex: 'none' }}>
          <KindIcon kind={item.kind} size={28} />
        </Text>
        <div style={{ minWidth: 0 }}>
          <Anchor
            component={Link}
            to={resourcePath(item.id)}
            fw={600}
            size="sm"
            className={classes.cardTitle}
          >
            {item.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[t(`library.kind.${item.kind}`), place(item)].filter(Boolean).join(' · ')}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

/** The cards for the library items a message links to. */
export function ResourceLinkCards({ ids }: { ids: string[] }) {
  if (!ids.length) return null;
  return (
    <>
      {ids.map((id) => (
        <ResourceLinkCard key={id} id={id} />
      ))}
    </>
  );
}
