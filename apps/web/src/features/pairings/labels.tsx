/** Small labels shared by the directory, the pairing page and the home page. */
import { Badge, Group, Text, type BadgeProps } from '@mantine/core';
import type { AuthoritySummaryDto, PairingStatus, ThemeCode } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { flagEmoji, useFormat } from '../../i18n/format';
import { flagEmojiSupported } from '../../i18n/flag-support';
import ui from '../../ui/ui.module.css';

const STATUS_COLORS: Record<PairingStatus, string> = {
  proposed: 'gray',
  confirmed: 'cyan',
  active: 'green',
  support_ended: 'orange',
  continued: 'violet',
  closed: 'gray',
};

export function StatusBadge({ status, ...props }: { status: PairingStatus } & BadgeProps) {
  const { t } = useTranslation();
  // The status is written out; the colour only repeats it.
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot" c="dark.8" {...props}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function ThemeBadges({ themes }: { themes: ThemeCode[] }) {
  const { t } = useTranslation();
  if (!themes.length) return null;
  return (
    <Group gap={6} component="ul" aria-label={t('pairing.themes')} className={ui.plainList}>
      {themes.map((theme) => (
        <li key={theme}>
          <Badge color="euBlue" tt="none">
            {t(`theme.${theme}`)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

/** "🇪🇸 Spain" (the flag where the device draws it): the flag is decoration, the name the information. */
export function CountryLabel({ iso }: { iso: string }) {
  const { country } = useFormat();
  return (
    <span>
      {flagEmojiSupported() && <span aria-hidden="true">{flagEmoji(iso)} </span>}
      {country(iso)}
    </span>
  );
}

/** The distinct countries of a side, e.g. "🇨🇴 Colombia" for Medellín + Cali. */
export function SideCountries({ authorities }: { authorities: AuthoritySummaryDto[] }) {
  const isos = [...new Set(authorities.map((a) => a.countryIso))];
  return (
    <Text span size="sm">
      {isos.map((iso, i) => (
        <span key={iso}>
          {i > 0 && ', '}
          <CountryLabel iso={iso} />
        </span>
      ))}
    </Text>
  );
}
