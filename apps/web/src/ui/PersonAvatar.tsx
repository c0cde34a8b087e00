import { Avatar, type AvatarProps } from '@mantine/core';
import { initials } from './initials';

/**
 * A person's round avatar: colour from the name, letters from `initials` (Mantine's own take
 * the first letter of every word, so "Stakeholder (Málaga – Jingyue)" became "S(").
 */
export function PersonAvatar({
  name,
  ...props
}: Omit<AvatarProps, 'color' | 'children'> & { name: string }) {
  return (
    <Avatar radius="xl" color="initials" name={name} {...props}>
      {initials(name)}
    </Avatar>
  );
}
