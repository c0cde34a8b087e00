import { searchUrls, type ChannelDto } from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { SearchSources } from '../../search/search-sources.js';
import { addMembership, createUser } from '../../test/auth-helpers.js';
import { insertPairing, type PairingFixture } from '../../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { DiscussionsService } from '../discussions.service.js';
import { MessageSearchSource } from './message.search-source.js';

describe('messages as search documents', () => {
  let t: TestApp;
  let source: MessageSearchSource;
  let discussions: DiscussionsService;
  let pairing: PairingFixture;
  let actor: Actor;
  let general: ChannelDto;
  let euTeam: ChannelDto;

  const send = async (channel: ChannelDto, body: string, parentId?: string) =>
    discussions.send(actor, await discussions.authorize(actor, channel.id), { body, parentId });

  beforeAll(async () => {
    t = await startTestApp();
    source = t.app.get(MessageSearchSource);
    discussions = t.app.get(DiscussionsService);
    pairing = await insertPairing(t.dataSource);
    const user = await createUser(t.dataSource, {
      email: 'writer@message-search.test',
      name: 'Lucía Ortega',
      password: 'correct horse battery',
    });
    await addMembership(t.dataSource, {
      userId: user.id,
      pairingId: pairing.pairingId,
      role: 'coordinator',
      authorityId: pairing.euAuthorityId,
    });
    actor = {
      userId: user.id,
      email: user.email,
      name: 'Lucía Ortega',
      programmeRole: null,
      sessionTokenHash: '',
      via: 'bearer',
    };
    const channels = await discussions.listChannels(actor, pairing.pairingId);
    general = channels.find((c) => c.kind === 'general')!;
    euTeam = channels.find((c) => c.kind === 'city' && c.side === 'eu')!;
  }, 60_000);
  afterAll(() => t.close());

  it('registers itself for the subject "message"', () => {
    expect(t.app.get(SearchSources).get('message')).toBe(source);
  });

  it('a general channel message is for the whole pairing, and opens in its channel', async () => {
    const message = await send(general, 'Bike lanes along the river, **first draft**');
    const docs = (await source.documentsOf([message.id])).get(message.id);
    expect(docs).toEqual([
      {
        kind: 'message',
        id: message.id,
        // Without its markdown, named by its first words.
        title: 'Bike lanes along the river, first draft',
        summary: '',
        body: 'Bike lanes along the river, first draft',
        language: null,
        audience: 'pairing',
        pairingIds: [pairing.pairingId],
        side: null,
        authorityId: null,
        authorId: null,
        themes: [],
        sdgs: [],
        country: null,
        date: new Date(message.createdAt),
        url: searchUrls.message(pairing.pairingId, general.id, message.id),
        context: `General · ${pairing.title}`,
      },
    ]);
  });

  it('a city channel message is for its side only, and a reply opens in its thread', async () => {
    const message = await send(euTeam, 'Our own budget worries');
    const reply = await send(euTeam, 'Agreed, let us ask the region', message.id);
    const docs = await source.documentsOf([message.id, reply.id]);
    expect(docs.get(message.id)).toEqual([
      expect.objectContaining({
        context: `${euTeam.name} · ${pairing.title}`,
        audience: 'side',
        side: 'eu',
        pairingIds: [pairing.pairingId],
        url: `/pairings/${pairing.pairingId}/discussions/${euTeam.id}?message=${message.id}`,
      }),
    ]);
    expect(docs.get(reply.id)).toEqual([
      expect.objectContaining({
        audience: 'side',
        side: 'eu',
        body: 'Agreed, let us ask the region',
        url: `/pairings/${pairing.pairingId}/discussions/${euTeam.id}?message=${reply.id}&thread=${message.id}`,
      }),
    ]);
  });

  it('a deleted message yields nothing; unknown and malformed ids are left out', async () => {
    const message = await send(general, 'Posted in the wrong channel');
    await discussions.remove(actor, message.id, (id) => discussions.authorize(actor, id));
    const unknown = '00000000-0000-4000-8000-000000000000';
    const docs = await source.documentsOf([message.id, unknown, 'not-a-uuid']);
    expect(docs.get(message.id)).toEqual([]);
    expect(docs.has(unknown)).toBe(false);
    expect(docs.has('not-a-uuid')).toBe(false);
  });

  it('lists every live message once, in id order, page by page', async () => {
    const rows: { id: string; deleted: boolean }[] = await t.dataSource.query(
      'SELECT id, deleted_at IS NOT NULL AS deleted FROM messages ORDER BY id',
    );
    const live = rows.filter((r) => !r.deleted).map((r) => r.id);
    expect(live).toHaveLength(3);
    expect(rows).toHaveLength(4);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await source.subjectIds(after, 2);
      if (!page.length) break;
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page);
      after = page[page.length - 1];
    }
    expect(seen).toEqual(live);
  });
});
