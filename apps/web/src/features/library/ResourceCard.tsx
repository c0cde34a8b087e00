/** One library item in the list: thumbnail (or its kind's icon), kind, title, summary, place. */
import { Anchor, Box, Group, Paper, Text } from '@mantine/core';
import type { ResourceSummaryDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguageName } from '../../i18n/useTaxonomyLabels';
import { FeaturedBadge, KindIcon, ResourceStatusBadge, usePlace } from './labels';
import { resourcePath } from './links';
import { previewUrl } from './useLibrary';
import classes from './Library.module.css';

export type LibraryView = 'grid' | 'list';

export function ResourceCard({ item, view }: { item: ResourceSummaryDto; view: LibraryView }) {
  const { t } = useTranslation();
  const place = usePlace()(item);
  const language = useLanguageName();
  const titleId = `resource-${item.id}`;
  return (
    <Paper
      component="article"
      withBorder
      aria-labelledby={titleId}
      className={view === 'grid' ? classes.gridCard : classes.listCard}
    >
      <Box
        className={item.thumbnailFileId ? classes.thumb : `${classes.thumb} ${classes.iconThumb}`}
      >
        {item.thumbnailFileId ? (
          <img src={previewUrl(item.thumbnailFileId)} alt="" loading="lazy" />
        ) : (
          <KindIcon kind={item.kind} />
        )}
      </Box>
      <Box p="sm" className={classes.cardBody}>
        <Group gap={6} mb={4} wrap="wrap">
          <Text size="xs" fw={700} tt="uppercase" c="euBlue.8">
            {t(`library.kind.${item.kind}`)}
          </Text>
          {item.featured && <FeaturedBadge size="sm" />}
          {item.status !== 'published' && <ResourceStatusBadge status={item.status} size="sm" />}
        </Group>
        <Anchor
          component={Link}
          to={resourcePath(item.id)}
          id={titleId}
          lang={item.language}
          fw={600}
          className={classes.cardTitle}
        >
          {item.title}
        </Anchor>
        {item.summary && (
          <Text size="sm" mt={4} lineClamp={3} lang={item.language}>
            {item.summary}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt={6}>
          {[place, language(item.language)].filter(Boolean).join(' · ')}
        </Text>
      </Box>
    </Paper>
  );
}
