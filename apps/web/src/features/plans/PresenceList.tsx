/** Everyone who has the plan open now, with initials, names and whether they are only reading. */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import ui from '../../ui/ui.module.css';
import { initials } from '../../ui/initials';
import { usePresence, type Me } from './collab/usePresence';
import classes from './PlanPage.module.css';

export function PresenceList({ awareness, me }: { awareness: Awareness; me: Me }) {
  const { t } = useTranslation();
  const people = usePresence(awareness, me);
  return (
    <Group gap="xs" align="center" wrap="wrap" className={classes.presence}>
      <Text size="sm" fw={600} id="plan-presence-label">
        {t('plans.presence.title', { count: people.length })}
      </Text>
      <Group
        component="ul"
        gap={6}
        wrap="wrap"
        className={`${ui.plainList} ${classes.people}`}
        aria-labelledby="plan-presence-label"
      >
        {people.map((person) => (
          <li key={person.key} className={classes.person}>
            <span
              className={classes.avatar}
              style={{ background: person.color }}
              aria-hidden="true"
            >
              {initials(person.name)}
            </span>
            <Text size="sm" span>
              {person.name}
              {person.self && ` ${t('plans.presence.you')}`}
              {!person.canEdit && ` ${t('plans.presence.viewing')}`}
            </Text>
          </li>
        ))}
      </Group>
    </Group>
  );
}
