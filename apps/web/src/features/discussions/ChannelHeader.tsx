/** The open channel's name, both cities' local times, and who is here now. */
import { Avatar, Group, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ChannelDto, PairingDetailDto, UserRefDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useNow } from '../../ui/useNow';
import { PersonAvatar } from '../../ui/PersonAvatar';
import classes from './Discussions.module.css';

export function ChannelHeader({
  channel,
  label,
  pairing,
  online,
}: {
  channel: ChannelDto;
  label: string;
  pairing: PairingDetailDto;
  online: UserRefDto[];
}) {
  const { t } = useTranslation();
  return (
    <div className={classes.channelHeader}>
      <div style={{ minWidth: 0 }}>
        <Title order={2} size="h4" className={classes.channelTitle}>
          <span aria-hidden="true" className={classes.hash}>
            #
          </span>
          {label}
        </Title>
        {channel.archived && (
          <Text size="xs" c="dimmed">
            {t('discussions.channels.archived')}
          </Text>
        )}
      </div>
      <Group gap="md" wrap="wrap" justify="flex-end">
        <Clocks pairing={pairing} />
        <Presence online={online} />
      </Group>
    </div>
  );
}

/** One clock per time zone of each side (a side's cities usually share one). */
function Clocks({ pairing }: { pairing: PairingDetailDto }) {
  const { t } = useTranslation();
  const { clock, list } = useFormat();
  const now = useNow();
  const clocks = pairing.sides.flatMap((side) => {
    const zones = [...new Set(side.authorities.map((a) => a.timeZone))];
    return zones.map((zone) => ({
      key: `${side.side}-${zone}`,
      zone,
      place: list(side.authorities.filter((a) => a.timeZone === zone).map((a) => a.name)),
    }));
  });
  return (
    <Group
      gap="sm"
      component="ul"
      className={classes.plainList}
      aria-label={t('discussions.header.localTimes')}
    >
      {clocks.map((c) => (
        <li key={c.key}>
          <Text size="xs" c="dimmed" span>
            {c.place}{' '}
          </Text>
          <Text size="sm" fw={600} span>
            <time dateTime={now.toISOString()}>{clock(now, c.zone)}</time>
          </Text>
        </li>
      ))}
    </Group>
  );
}

function Presence({ online }: { online: UserRefDto[] }) {
  const { t } = useTranslation();
  const { list } = useFormat();
  if (!online.length) return null;
  const names = list(online.map((u) => u.name));
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={names} withinPortal>
        <Avatar.Group spacing="xs" aria-hidden="true">
          {online.slice(0, 4).map((u) => (
            <PersonAvatar key={u.id} size={26} name={u.name} />
          ))}
          {online.length > 4 && (
            <Avatar size={26} radius="xl">
              +{online.length - 4}
            </Avatar>
          )}
        </Avatar.Group>
      </Tooltip>
      <Text size="xs" c="dimmed" aria-hidden="true" visibleFrom="sm">
        {t('discussions.header.onlineCount', { count: online.length })}
      </Text>
      <VisuallyHidden>{t('discussions.header.online', { names })}</VisuallyHidden>
    </Group>
  );
}
