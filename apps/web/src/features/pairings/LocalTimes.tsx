import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { AuthorityDto, PairingSideDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat, utcOffsetMinutes } from '../../i18n/format';
import { useNow } from '../../ui/useNow';

interface Clock {
  timeZone: string;
  /** The side's authorities in this time zone, e.g. Medellín and Santiago de Cali. */
  places: string[];
  side: PairingSideDto['side'];
}

/** One clock per time zone and side (Medellín and Cali share one). */
function clocksOf(sides: PairingSideDto[]): Clock[] {
  return sides.flatMap((side) => {
    const byZone = new Map<string, AuthorityDto[]>();
    for (const a of side.authorities)
      byZone.set(a.timeZone, [...(byZone.get(a.timeZone) ?? []), a]);
    return [...byZone].map(([timeZone, list]) => ({
      timeZone,
      places: list.map((a) => a.name),
      side: side.side,
    }));
  });
}

export function LocalTimes({ sides }: { sides: PairingSideDto[] }) {
  const { t } = useTranslation();
  const { clock, hours, list } = useFormat();
  const now = useNow();
  const clocks = clocksOf(sides);
  const eu = clocks.find((c) => c.side === 'eu');
  const differences = eu ? clocks.filter((c) => c.side === 'partner') : [];

  function difference(other: Clock): string {
    const minutes = utcOffsetMinutes(other.timeZone, now) - utcOffsetMinutes(eu!.timeZone, now);
    const places = { a: list(other.places), b: list(eu!.places) };
    if (minutes === 0) return t('pairing.time.same', places);
    const key = minutes > 0 ? 'pairing.time.ahead' : 'pairing.time.behind';
    return t(key, { ...places, hours: hours(Math.abs(minutes) / 60) });
  }

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: Math.min(clocks.length, 3) }} spacing="sm">
        {clocks.map((c) => (
          <Paper key={`${c.side}-${c.timeZone}`} p="md">
            <Text size="sm" c="dimmed">
              {t('pairing.time.in', { place: list(c.places) })}
            </Text>
            {/* Not a live region: a clock announcing itself every minute would be noise. */}
            <Text fz={28} fw={700} lh={1.2}>
              <time dateTime={now.toISOString()}>{clock(now, c.timeZone)}</time>
            </Text>
            <Text size="xs" c="dimmed">
              {c.timeZone.replace(/_/g, ' ')}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {differences.map((c) => (
        <Text key={c.timeZone} mt="sm">
          {difference(c)}
        </Text>
      ))}
    </>
  );
}
