import {
  Anchor,
  Card,
  Group,
  Stack,
  Text,
  Title,
  VisuallyHidden,
  type TitleOrder,
} from '@mantine/core';
import type { PairingSummaryDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { SideCountries, StatusBadge, ThemeBadges } from './labels';
import classes from './PairingCard.module.css';

export function PairingCard({
  pairing,
  headingOrder = 2,
  actions,
}: {
  pairing: PairingSummaryDto;
  headingOrder?: TitleOrder;
  /** Links of their own (e.g. into the pairing's plan), above the link that covers the card. */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { monthYear } = useFormat();
  return (
    <Card component="article" className={classes.card} h="100%">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={headingOrder} size="h4">
            {/* The link covers the whole card (see the CSS), yet its name is just the title. */}
            <Anchor
              component={Link}
              to={`/pairings/${pairing.id}`}
              className={classes.link}
              c="euBlue.7"
            >
              {pairing.title}
            </Anchor>
          </Title>
          <StatusBadge status={pairing.status} style={{ flexShrink: 0 }} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('pairing.callLabel', { code: pairing.callCode })} · {t(`region.${pairing.region}`)}
          {pairing.startDate &&
            ` · ${monthYear(pairing.startDate)} – ${pairing.endDate ? monthYear(pairing.endDate) : '…'}`}
        </Text>
        <Text size="sm">
          <SideCountries authorities={pairing.eu} />
          <span aria-hidden="true"> ↔ </span>
          <VisuallyHidden component="span">{t('pairing.with')}</VisuallyHidden>
          <SideCountries authorities={pairing.partner} />
        </Text>
        <ThemeBadges themes={pairing.themes} />
        {actions && <div className={classes.actions}>{actions}</div>}
      </Stack>
    </Card>
  );
}
