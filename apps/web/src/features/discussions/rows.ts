/** The rows of the message list: messages, a separator at each new day, the unread divider. */
import type { MessageDto } from '@iuc/domain';
import { dayKey } from '../../i18n/format';

export type Row =
  | { kind: 'day'; key: string; day: string; at: string }
  | { kind: 'unread'; key: string }
  | { kind: 'message'; key: string; message: MessageDto };

export function buildRows(
  messages: readonly MessageDto[],
  options: { firstUnreadId?: string | null; timeZone?: string } = {},
): Row[] {
  const rows: Row[] = [];
  let day = '';
  for (const message of messages) {
    const d = dayKey(message.createdAt, options.timeZone);
    if (d !== day) {
      day = d;
      rows.push({ kind: 'day', key: `day-${d}`, day: d, at: message.createdAt });
    }
    if (message.id === options.firstUnreadId) rows.push({ kind: 'unread', key: 'unread' });
    rows.push({ kind: 'message', key: message.id, message });
  }
  return rows;
}
