import type { ChannelDto, PairingDetailDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/**
 * A channel's name in the viewer's language: the general channel and the city-internal ones are
 * named by the platform ("General", "Málaga team"); topic channels by the coordinators.
 */
export function useChannelLabel(pairing: PairingDetailDto): (channel: ChannelDto) => string {
  const { t } = useTranslation();
  const { list } = useFormat();
  return (channel) => {
    if (channel.kind === 'general') return t('discussions.channels.generalName');
    const side =
      channel.kind === 'city' ? pairing.sides.find((s) => s.side === channel.side) : undefined;
    if (side)
      return t('discussions.channels.cityName', {
        place: list(side.authorities.map((a) => a.name)),
      });
    return channel.name;
  };
}
