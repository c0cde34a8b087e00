/**
 * Limits that belong to a person, not to a connection: opening more sockets buys no more messages,
 * and the number of open sockets is capped per person and per client address. Also: socket.io
 * packets nested too deep close their connection before they are parsed.
 */
import type { ChannelDto, MessageAck } from '@iuc/domain';
import { addMembership, createUser, login, type LoggedIn } from '../../test/auth-helpers.js';
import {
  ask,
  closeAllDiscussionClients,
  connectDiscussions,
  connectRefusal,
  sleep,
} from '../../test/discussion-clients.js';
import { insertPairing } from '../../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const PASSWORD = 'correct horse battery';
const PER_USER = 40;
const PER_ADDRESS = 50;
const LIMIT_ENV = {
  DISCUSSIONS_MAX_CONNECTIONS_PER_USER: String(PER_USER),
  DISCUSSIONS_MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS),
};

describe('per-person limits of the discussions socket', () => {
  let t: TestApp;
  let general: ChannelDto;
  const people: LoggedIn[] = [];

  const countBy = async (userId: string) =>
    Number(
      (
        await t.dataSource.query('SELECT count(*) AS n FROM messages WHERE author_id = $1', [
          userId,
        ])
      )[0].n,
    );
  const open = (who: LoggedIn, count: number, headers?: Record<string, string>) =>
    Promise.all(
      Array.from({ length: count }, () => connectDiscussions(t.url, { token: who.token, headers })),
    );
  /** Until the server has seen the clients close (their places are freed on disconnect). */
  const settle = async (who: LoggedIn) => {
    for (let i = 0; i < 50 && (await connectRefusal(t.url, { token: who.token })); i++)
      await sleep(50);
  };

  beforeAll(async () => {
    // The limits are read from the environment when the app starts.
    Object.assign(process.env, LIMIT_ENV);
    t = await startTestApp();
    const pairing = await insertPairing(t.dataSource);
    for (const name of ['ana', 'ben', 'cleo', 'dan']) {
      const user = await createUser(t.dataSource, {
        email: `${name}@limits.test`,
        name,
        password: PASSWORD,
      });
      await addMembership(t.dataSource, {
        userId: user.id,
        pairingId: pairing.pairingId,
        role: 'editor',
        authorityId: pairing.euAuthorityId,
      });
      people.push(await login(t.url, `${name}@limits.test`, PASSWORD));
    }
    const res = await fetch(`${t.url}/api/pairings/${pairing.pairingId}/channels`, {
      headers: { authorization: `Bearer ${people[0].token}` },
    });
    [general] = (await res.json()) as ChannelDto[];
  });
  afterEach(() => closeAllDiscussionClients());
  afterAll(async () => {
    for (const name of Object.keys(LIMIT_ENV)) delete process.env[name];
    await t.close();
  });

  it(`one person with ${PER_USER} sockets shares one message budget (was ${PER_USER} budgets: 1,720 messages in 8 s)`, async () => {
    const [ana] = people;
    const sockets = await open(ana, PER_USER);
    const before = await countBy(ana.user.id);
    const started = performance.now();
    const acks = await Promise.all(
      sockets.flatMap((socket, s) =>
        Array.from({ length: 10 }, (_, i) =>
          ask<MessageAck>(socket, 'message:send', {
            channelId: general.id,
            body: `socket ${s} message ${i}`,
          }),
        ),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const stored = (await countBy(ana.user.id)) - before;
    const accepted = acks.filter((a) => a.ok).length;
    // The default budget: a burst of 10, then 5 a second, for the person.
    expect(stored).toBe(accepted);
    expect(stored).toBeGreaterThanOrEqual(5);
    expect(stored).toBeLessThanOrEqual(10 + Math.ceil(5 * seconds) + 1);
    expect(acks.filter((a) => !a.ok).every((a) => !a.ok && a.code === 'rate_limited')).toBe(true);
  });

  it(`the ${PER_USER + 1}th socket of one person is refused with code too_many_connections; closing one frees a place`, async () => {
    const [ana] = people;
    await settle(ana);
    const sockets = await open(ana, PER_USER);
    const refusal = await connectRefusal(t.url, { token: ana.token });
    expect(refusal).toEqual({
      code: 'too_many_connections',
      message: expect.stringMatching(`already have ${PER_USER} open connections`),
    });
    // Someone else is not affected.
    expect(await connectRefusal(t.url, { token: people[1].token })).toBeNull();
    sockets[0].close();
    let again = refusal;
    for (let i = 0; i < 50 && again; i++) {
      await sleep(50);
      again = await connectRefusal(t.url, { token: ana.token });
    }
    expect(again).toBeNull();
  });

  it(`one client address may hold ${PER_ADDRESS} sockets, whoever opens them; other addresses are not affected`, async () => {
    const [, ben, cleo, dan] = people;
    const crowded = { 'x-forwarded-for': '198.51.100.7' };
    await open(ben, 25, crowded);
    await open(cleo, 25, crowded);
    const refusal = await connectRefusal(t.url, { token: dan.token, headers: crowded });
    expect(refusal).toEqual({
      code: 'too_many_connections',
      message: expect.stringMatching(/from your network \(50\)/),
    });
    expect(
      await connectRefusal(t.url, {
        token: dan.token,
        headers: { 'x-forwarded-for': '198.51.100.8' },
      }),
    ).toBeNull();
  });

  it('a packet nested deeper than 32 levels closes its connection unparsed; nothing is written and others go on', async () => {
    const [, ben, cleo] = people;
    await settle(ben);
    const hostile = await connectDiscussions(t.url, { token: ben.token });
    const other = await connectDiscussions(t.url, { token: cleo.token });
    const closed = new Promise<string>((resolve) => hostile.once('disconnect', resolve));
    const before = await countBy(ben.user.id);
    // Written as a raw socket.io packet: the client's own encoder cannot walk such a payload.
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const packet = `2/discussions,["message:send",{"channelId":"${general.id}","body":"deep","extra":${deep}}]`;
    (hostile.io.engine as unknown as { write(data: string): void }).write(packet);
    expect(await closed).toBe('transport close');
    expect(await countBy(ben.user.id)).toBe(before);
    // 32 levels are fine: the payload reaches validation (extra fields are dropped).
    const ok = await connectDiscussions(t.url, { token: ben.token });
    let shallow: unknown = [];
    for (let i = 0; i < 28; i++) shallow = [shallow];
    expect(
      await ask(ok, 'message:send', { channelId: general.id, body: 'shallow', extra: shallow }),
    ).toMatchObject({ ok: true });
    expect(
      await ask<MessageAck>(other, 'message:send', { channelId: general.id, body: 'still here' }),
    ).toMatchObject({ ok: true });
  });
});
