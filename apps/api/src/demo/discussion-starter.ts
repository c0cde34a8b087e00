/**
 * A starter conversation in the demo's first pairing (Málaga – Jingyue, General), so that a
 * newcomer opens a channel that shows what the place is for: a thread, a mention (which also
 * waits in its person's notifications), reactions, light formatting and a link to a plan section.
 * Written once, only while the channel has no message at all: what people write in the demo is
 * never touched.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { mentionedHandles, mentionHandle, planSectionPath } from '@iuc/domain';
import { pairingMembers } from '../pairings/memberships.repository.js';
import { excerpt } from '../common/excerpt.js';
import { channelReaders, readersWithHandles } from '../discussions/messages/mentions.js';
import {
  insertMessages,
  statementRunner,
  type NewMessage,
} from '../discussions/messages/messages.repository.js';
import { insertMentionNotifications } from '../notifications/notifications.repository.js';

interface StarterMessage {
  /** Key for replies and reactions within this conversation. */
  key: string;
  author: string;
  /** Reply in the thread of this message. */
  replyTo?: string;
  /** Minutes before the seed ran (the conversation happened over the last two days). */
  minutesAgo: number;
  body: (context: StarterContext) => string;
  reactions?: { emoji: string; by: string }[];
}

interface StarterContext {
  /** Display names by e-mail (mentions are written with the handle of the name). */
  names: ReadonlyMap<string, string>;
  /** Málaga's plan in this pairing, for links to its sections. */
  malagaPlanId: string;
}

const PAIRING = 'malaga-jingyue';
const LUCIA = 'coordinator.malaga@demo.iuc.test';
const JAVIER = 'editor.malaga@demo.iuc.test';
const WANG = 'coordinator.jingyue@demo.iuc.test';
const STAKEHOLDER = 'viewer.malaga-jingyue@demo.iuc.test';

const AUTHORS = [LUCIA, JAVIER, WANG, STAKEHOLDER];

const at = (email: string, { names }: StarterContext) =>
  `@${mentionHandle(names.get(email) ?? email)}`;

const CONVERSATION: StarterMessage[] = [
  {
    key: 'visit',
    author: LUCIA,
    minutesAgo: 2 * 24 * 60 + 90,
    body: () =>
      'Welcome to our pairing! A first agenda for the **study visit to Jingyue** in March:\n' +
      '- cycle lanes near schools\n- the public consultation on the mobility plan\n- who travels from Málaga',
    reactions: [{ emoji: '👍', by: WANG }],
  },
  {
    key: 'host',
    author: WANG,
    minutesAgo: 2 * 24 * 60 + 60,
    body: (context) =>
      `Thank you! Our transport bureau can host the visit in the second week of March. ${at(LUCIA, context)}, ` +
      'could you share the draft of your cycling pilot before then?',
  },
  {
    key: 'host-reply',
    author: LUCIA,
    replyTo: 'host',
    minutesAgo: 2 * 24 * 60 + 35,
    body: ({ malagaPlanId }) =>
      `Yes: it is the first action in [section 5 of our plan](${planSectionPath(malagaPlanId, 'actions')}). ` +
      'I will add the budget this week.',
  },
  {
    key: 'counts',
    author: JAVIER,
    minutesAgo: 24 * 60 + 200,
    body: () =>
      'I put the bike-count method we use in Málaga into section 8 (monitoring) of our plan. ' +
      'It could give Jingyue a baseline for its pilot too.',
    reactions: [
      { emoji: '🙏', by: WANG },
      { emoji: '👍', by: STAKEHOLDER },
    ],
  },
  {
    key: 'university',
    author: STAKEHOLDER,
    minutesAgo: 24 * 60 + 150,
    body: () =>
      'From the university: we can help with the before-and-after counts for both pilots.',
  },
];

/** Writes the starter conversation if the channel is still empty. Runs under the seed's lock. */
export async function writeStarterConversation(manager: EntityManager): Promise<void> {
  const [channel]: { id: string; pairing_id: string; empty: boolean }[] = await manager.query(
    `SELECT c.id, c.pairing_id, NOT EXISTS (SELECT 1 FROM messages m WHERE m.channel_id = c.id) AS empty
       FROM channels c JOIN pairings p ON p.id = c.pairing_id
      WHERE p.slug = $1 AND c.kind = 'general'`,
    [PAIRING],
  );
  if (!channel?.empty) return;
  const people: { id: string; email: string; name: string }[] = await manager.query(
    'SELECT id, email, name FROM users WHERE email = ANY($1)',
    [AUTHORS],
  );
  const [plan]: { id: string }[] = await manager.query(
    `SELECT pl.id FROM plans pl JOIN pairings p ON p.id = pl.pairing_id JOIN authorities a ON a.id = pl.authority_id
      WHERE p.slug = $1 AND a.slug = 'malaga'`,
    [PAIRING],
  );
  // Without every author (or the plan) there is no sensible conversation to write.
  if (people.length < AUTHORS.length || !plan) return;
  const idOf = new Map(people.map((p) => [p.email, p.id]));
  const context: StarterContext = {
    names: new Map(people.map((p) => [p.email, p.name])),
    malagaPlanId: plan.id,
  };
  const readers = channelReaders(await pairingMembers(manager, channel.pairing_id), {
    kind: 'general',
    side: null,
    archived: false,
  });
  const ids = new Map(CONVERSATION.map((m) => [m.key, randomUUID()]));
  const nowMicros = BigInt(Date.now()) * 1000n;
  const messages: NewMessage[] = CONVERSATION.map((m) => {
    const body = m.body(context);
    return {
      id: ids.get(m.key)!,
      channelId: channel.id,
      authorId: idOf.get(m.author)!,
      parentId: m.replyTo ? ids.get(m.replyTo)! : null,
      body,
      mentionIds: readersWithHandles(mentionedHandles(body), readers),
      createdMicros: nowMicros - BigInt(m.minutesAgo) * 60_000_000n,
    };
  });
  // Saved as the service saves messages (thread counters included); threads' first messages
  // before their replies, which the statement checks against what is already stored.
  const run = statementRunner(manager);
  await insertMessages(
    run,
    messages.filter((m) => m.parentId === null),
  );
  await insertMessages(
    run,
    messages.filter((m) => m.parentId !== null),
  );
  const reactions = CONVERSATION.flatMap((m) =>
    (m.reactions ?? []).map((r) => ({
      messageId: ids.get(m.key)!,
      userId: idOf.get(r.by)!,
      emoji: r.emoji,
    })),
  );
  await manager.query(
    'INSERT INTO message_reactions (message_id, user_id, emoji) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])',
    [
      reactions.map((r) => r.messageId),
      reactions.map((r) => r.userId),
      reactions.map((r) => r.emoji),
    ],
  );
  await notifyStarterMentions(manager, channel, messages);
}

/**
 * The conversation's mentions wait, unread, in their people's notifications, dated like their
 * messages: a newcomer signing in as the person mentioned finds the bell as a live mention leaves it.
 */
async function notifyStarterMentions(
  manager: EntityManager,
  channel: { id: string; pairing_id: string },
  messages: NewMessage[],
): Promise<void> {
  for (const message of messages) {
    await insertMentionNotifications(manager, {
      pairingId: channel.pairing_id,
      channelId: channel.id,
      messageId: message.id,
      parentId: message.parentId,
      actorId: message.authorId,
      excerpt: excerpt(message.body),
      userIds: message.mentionIds.filter((id) => id !== message.authorId),
      createdMicros: message.createdMicros,
    });
  }
}
