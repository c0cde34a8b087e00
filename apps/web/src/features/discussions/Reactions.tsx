/** Reactions under a message (toggle on click) and the picker that adds one. */
import { ActionIcon, Group, Popover, SimpleGrid, UnstyledButton } from '@mantine/core';
import type { MessageDto } from '@iuc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SmileIcon } from '../../ui/icons';
import classes from './Discussions.module.css';

/** The emojis offered, with the key of their spoken name. */
export const EMOJIS = [
  ['👍', 'thumbsUp'],
  ['❤️', 'heart'],
  ['😄', 'smile'],
  ['🎉', 'tada'],
  ['👀', 'eyes'],
  ['🙏', 'thanks'],
  ['✅', 'done'],
  ['🤔', 'thinking'],
] as const;

export function useEmojiName(): (emoji: string) => string {
  const { t } = useTranslation();
  return (emoji) => {
    const known = EMOJIS.find(([e]) => e === emoji);
    return known ? t(`discussions.reactions.names.${known[1]}`) : emoji;
  };
}

export function Reactions({
  message,
  onToggle,
  disabled,
}: {
  message: MessageDto;
  onToggle: (emoji: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const name = useEmojiName();
  if (!message.reactions.length) return null;
  return (
    <Group
      gap={4}
      mt={4}
      component="ul"
      className={classes.reactions}
      aria-label={t('discussions.reactions.label')}
    >
      {message.reactions.map((r) => (
        <li key={r.emoji}>
          <UnstyledButton
            className={classes.reaction}
            data-mine={r.mine || undefined}
            aria-pressed={r.mine}
            disabled={disabled}
            aria-label={t(
              r.mine ? 'discussions.reactions.countMine' : 'discussions.reactions.count',
              {
                emoji: name(r.emoji),
                count: r.count,
              },
            )}
            onClick={() => onToggle(r.emoji)}
          >
            <span aria-hidden="true">{r.emoji}</span> <span aria-hidden="true">{r.count}</span>
          </UnstyledButton>
        </li>
      ))}
    </Group>
  );
}

export function ReactionPicker({
  onPick,
  tabIndex,
}: {
  onPick: (emoji: string) => void;
  tabIndex: number;
}) {
  const { t } = useTranslation();
  const name = useEmojiName();
  const [opened, setOpened] = useState(false);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="top-end"
      withArrow
      trapFocus
      returnFocus
      shadow="md"
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('discussions.reactions.add')}
          aria-haspopup="dialog"
          aria-expanded={opened}
          tabIndex={tabIndex}
          onClick={() => setOpened((o) => !o)}
        >
          <SmileIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={6} role="dialog" aria-label={t('discussions.reactions.add')}>
        <SimpleGrid cols={4} spacing={2}>
          {EMOJIS.map(([emoji]) => (
            <UnstyledButton
              key={emoji}
              className={classes.emoji}
              aria-label={name(emoji)}
              onClick={() => {
                setOpened(false);
                onPick(emoji);
              }}
            >
              <span aria-hidden="true">{emoji}</span>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}
