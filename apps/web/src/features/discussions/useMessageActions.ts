/**
 * Writing: send, edit, delete, react over the socket. An accepted write is echoed to this page's
 * listeners, since the server sends the event to everyone but the connection that wrote it.
 */
import { useCallback, useMemo } from 'react';
import { useDiscussionsSocket, type SendError } from '../../realtime/socket';

export type WriteResult = { ok: true } | SendError;

const offline: SendError = { ok: false, code: 'offline', error: 'offline' };

export function useMessageActions() {
  const { connection } = useDiscussionsSocket();

  const send = useCallback(
    async (
      channelId: string,
      body: string,
      parentId: string | null = null,
    ): Promise<WriteResult> => {
      if (!connection) return offline;
      const ack = await connection.send('message:send', { channelId, body, parentId });
      if (ack.ok) connection.echo('message:new', ack.message);
      return ack.ok ? { ok: true } : ack;
    },
    [connection],
  );

  const edit = useCallback(
    async (messageId: string, body: string): Promise<WriteResult> => {
      if (!connection) return offline;
      const ack = await connection.send('message:edit', { messageId, body });
      if (ack.ok) connection.echo('message:updated', ack.message);
      return ack.ok ? { ok: true } : ack;
    },
    [connection],
  );

  const remove = useCallback(
    async (messageId: string): Promise<WriteResult> => {
      if (!connection) return offline;
      const ack = await connection.send('message:delete', { messageId });
      if (ack.ok) {
        const { id, channelId, parentId, deletedAt } = ack.message;
        connection.echo('message:deleted', {
          id,
          channelId,
          parentId,
          deletedAt: deletedAt ?? new Date().toISOString(),
        });
      }
      return ack.ok ? { ok: true } : ack;
    },
    [connection],
  );

  const react = useCallback(
    async (messageId: string, emoji: string): Promise<WriteResult> => {
      if (!connection) return offline;
      const ack = await connection.send('reaction:toggle', { messageId, emoji });
      if (ack.ok) connection.echo('message:reaction', ack.reaction);
      return ack.ok ? { ok: true } : ack;
    },
    [connection],
  );

  return useMemo(() => ({ send, edit, remove, react }), [send, edit, remove, react]);
}
