import * as Y from 'yjs';
import { CALLS, checkSubmission, planDocumentName, WORLD_REGIONS } from '@iuc/domain';
import { CollabServer } from '../../collab/collab.server.js';
import { readPlanContent, writeSectionText } from '../../plans/documents/plan-content.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { verifyPassword } from '../../auth/login/password.js';
import { AUTHORITIES } from './authorities.js';
import { demoData } from './demo-data.js';
import { seedDemo } from './demo-seed.js';
import { parseCsv, readPairingsCsv } from './pairings-csv.js';
import { buildPairingSeeds } from './pairings.js';

/** The CSV's country and region names, as ISO codes and region codes. */
const COUNTRY_ISO: Record<string, string> = {
  Spain: 'ES',
  'Czech Republic': 'CZ',
  Greece: 'GR',
  Italy: 'IT',
  Germany: 'DE',
  'United Kingdom': 'GB',
  Portugal: 'PT',
  Austria: 'AT',
  France: 'FR',
  Bulgaria: 'BG',
  China: 'CN',
  Japan: 'JP',
  USA: 'US',
  Mexico: 'MX',
  Canada: 'CA',
  Brazil: 'BR',
  Argentina: 'AR',
  Colombia: 'CO',
};
const REGION: Record<string, string> = {
  Asia: 'asia',
  'North America': 'north-america',
  'Latin America and the Caribbean': 'latin-america-caribbean',
};

describe('demo data (pure)', () => {
  const data = demoData();
  const authority = (slug: string) => AUTHORITIES.find((a) => a.slug === slug)!;

  it('parses quoted CSV fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('resolves every row of pairings.csv to authorities in the country and region the CSV states', () => {
    const rows = readPairingsCsv();
    expect(rows).toHaveLength(23);
    const pairings = buildPairingSeeds(rows);
    rows.forEach((row, i) => {
      const p = pairings[i];
      expect(p.callCode).toBe(row.call);
      expect(p.notes).toBe(row.notes);
      for (const slug of p.eu) expect(authority(slug).countryIso).toBe(COUNTRY_ISO[row.euCountry]);
      for (const slug of p.partner) {
        expect(authority(slug).countryIso).toBe(COUNTRY_ISO[row.partnerCountry]);
        expect(authority(slug).worldRegion).toBe(REGION[row.partnerRegion]);
      }
    });
  });

  it('gives slugs like malaga-jingyue, a term from the call and only the start dates a source states', () => {
    const bySlug = new Map(data.pairings.map((p) => [p.slug, p]));
    expect([...bySlug.keys()]).toEqual(
      expect.arrayContaining([
        'malaga-jingyue',
        'belfast-medellin',
        'graz-ibague',
        'torino-consorcio-abc',
        'torino-baltimore',
      ]),
    );
    expect(data.pairings.every((p) => p.termMonths === 18 && p.status === 'active')).toBe(true);
    const started = data.pairings.filter((p) => p.startDate).map((p) => [p.slug, p.startDate]);
    expect(Object.fromEntries(started)).toEqual({
      'prague-longyan': '2017-03-01',
      'bologna-austin': '2017-12-01',
      'graz-ibague': '2017-09-01',
    });
  });

  it('refuses a CSV label that names no authority of the seed', () => {
    const [row] = readPairingsCsv();
    expect(() => buildPairingSeeds([{ ...row, euCity: 'Atlantis' }])).toThrow('"Atlantis"');
  });

  it('keeps every authority valid: known region, parent in the seed, population with a source or none at all', () => {
    const slugs = new Set(AUTHORITIES.map((a) => a.slug));
    expect(slugs.size).toBe(AUTHORITIES.length);
    for (const a of AUTHORITIES) {
      expect(WORLD_REGIONS).toContain(a.worldRegion);
      if (a.parent) expect(slugs).toContain(a.parent);
      if (a.population) expect(a.population.source).toBeTruthy();
      expect(() => new Intl.DateTimeFormat('en', { timeZone: a.timeZone })).not.toThrow();
      for (const language of a.languages)
        expect(Intl.getCanonicalLocales(language)).toEqual([language]);
    }
    // Only populations domain.md §6 states: none for these.
    for (const slug of ['belfast', 'austin', 'jingyue', 'steirischer-zentralraum', 'new-york'])
      expect(authority(slug).population).toBeNull();
  });

  it("names one coordinator per authority (Torino once, in both its pairings), a viewer per pairing, an officer, an admin and Málaga's editor", () => {
    const sides = data.pairings.flatMap((p) => [...p.eu, ...p.partner]);
    const coordinators = data.accounts.filter((a) =>
      a.memberships.some((m) => m.role === 'coordinator'),
    );
    expect(coordinators).toHaveLength(new Set(sides).size);
    expect(sides).toHaveLength(new Set(sides).size + 1); // Torino is on two pairings
    const torino = data.accounts.find((a) => a.email === 'coordinator.torino@demo.iuc.test')!;
    expect(torino.memberships.map((m) => m.pairing).sort()).toEqual([
      'torino-baltimore',
      'torino-consorcio-abc',
    ]);
    expect(data.accounts.filter((a) => a.email.startsWith('viewer.'))).toHaveLength(23);
    expect(
      data.accounts.find((a) => a.email === 'viewer.malaga-jingyue@demo.iuc.test')!.memberships,
    ).toEqual([{ pairing: 'malaga-jingyue', role: 'viewer', authority: null }]);
    expect(
      data.accounts.find((a) => a.email === 'editor.malaga@demo.iuc.test')!.memberships,
    ).toEqual([{ pairing: 'malaga-jingyue', role: 'editor', authority: 'malaga' }]);
    expect(
      data.accounts.filter((a) => a.programmeRole).map((a) => [a.email, a.programmeRole]),
    ).toEqual([
      ['admin@demo.iuc.test', 'admin'],
      ['officer@demo.iuc.test', 'officer'],
    ]);
  });
});

describe('seedDemo (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.dataSource, t.config);
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const snapshot = async () => ({
    counts: Object.fromEntries(
      await Promise.all(
        [
          'calls',
          'authorities',
          'municipality_groups',
          'municipality_group_members',
          'pairings',
          'pairing_authorities',
          'users',
          'memberships',
          'plans',
        ].map(async (table) => [table, await count(table)] as const),
      ),
    ),
    rows: {
      authorities: await t.dataSource.query('SELECT * FROM authorities ORDER BY slug'),
      pairings: await t.dataSource.query('SELECT * FROM pairings ORDER BY slug'),
      users: await t.dataSource.query(
        'SELECT id, email, name, password_hash, programme_role, updated_at FROM users ORDER BY email',
      ),
      memberships: await t.dataSource.query('SELECT * FROM memberships ORDER BY id'),
      sides: await t.dataSource.query(
        'SELECT * FROM pairing_authorities ORDER BY pairing_id, authority_id',
      ),
      plans: await t.dataSource.query('SELECT * FROM plans ORDER BY id'),
    },
  });

  it('writes the calls, 48 authorities, the Graz group, 23 pairings, 73 accounts and a plan per city side', async () => {
    const { counts } = await snapshot();
    expect(counts).toEqual({
      calls: CALLS.length,
      authorities: 48,
      municipality_groups: 1,
      municipality_group_members: 2,
      pairings: 23,
      pairing_authorities: 48,
      users: 73,
      memberships: 48 + 23 + 1,
      plans: 48,
    });
  });

  it('gives each city side one plan, titled after the authority and in its first language', async () => {
    const missing = await t.dataSource.query(
      `SELECT pa.pairing_id, pa.authority_id FROM pairing_authorities pa
        LEFT JOIN plans p ON p.pairing_id = pa.pairing_id AND p.authority_id = pa.authority_id
       WHERE p.id IS NULL`,
    );
    expect(missing).toEqual([]);
    const bySlug = async (slug: string) =>
      (
        await t.dataSource.query(
          `SELECT p.title, p.language, p.status FROM plans p JOIN authorities a ON a.id = p.authority_id
            JOIN pairings pr ON pr.id = p.pairing_id WHERE a.slug = $1 ORDER BY pr.slug`,
          [slug],
        )
      ).map((r: { title: string; language: string; status: string }) => r);
    expect(await bySlug('malaga')).toEqual([
      { title: 'Local Action Plan — Málaga', language: 'es', status: 'draft' },
    ]);
    expect((await bySlug('jingyue'))[0]).toMatchObject({ language: 'zh' });
    // Torino is on two pairings: a plan on each.
    expect(await bySlug('torino')).toHaveLength(2);
  });

  it('writes starter content into a few plans once, readable by the sync server, never over edits', async () => {
    const planOf = async (authority: string) => {
      const [{ id }] = await t.dataSource.query(
        `SELECT p.id FROM plans p JOIN authorities a ON a.id = p.authority_id
          JOIN pairings pr ON pr.id = p.pairing_id WHERE a.slug = $1 AND pr.slug = 'malaga-jingyue'`,
        [authority],
      );
      return planDocumentName(id);
    };
    const collab = t.app.get(CollabServer);
    const jingyue = await planOf('jingyue');
    const content = await collab.read(jingyue, readPlanContent);
    expect(content.sections.vision).toBe('建设步行和自行车出行便利的绿色城区。');
    expect(content.actions.map((a) => [a.title, a.type])).toEqual([
      ['自行车道试点', 'pilot_project'],
    ]);
    const [projection] = await t.dataSource.query(
      'SELECT full_text FROM plan_projections WHERE plan_id = $1',
      [jingyue.slice('plan.'.length)],
    );
    expect(projection.full_text).toContain('净月区');

    const malaga = await planOf('malaga');
    const edit = new Y.Doc();
    writeSectionText(edit, 'risks', 'Edited in the demo.');
    await collab.applyUpdate(malaga, Y.encodeStateAsUpdate(edit));
    edit.destroy();
    const stored = async (docName: string) =>
      Number(
        (
          await t.dataSource.query('SELECT count(*) AS n FROM collab_updates WHERE doc_name = $1', [
            docName,
          ])
        )[0].n,
      );
    const before = [await stored(jingyue), await stored(malaga)];
    await seedDemo(t.dataSource, t.config);
    expect([await stored(jingyue), await stored(malaga)]).toEqual(before);
    const again = await collab.read(malaga, readPlanContent);
    expect(again.sections.risks).toBe('Edited in the demo.');
    expect(again.actions).toHaveLength(1);
  });

  it("submits Austin's complete plan for review once, as its coordinator would: version, review step, officers told", async () => {
    const austin = async () =>
      (
        await t.dataSource.query(
          `SELECT p.id, p.status FROM plans p JOIN authorities a ON a.id = p.authority_id WHERE a.slug = 'austin'`,
        )
      )[0] as { id: string; status: string };
    const plan = await austin();
    expect(plan.status).toBe('submitted');
    const steps = () =>
      t.dataSource.query(
        `SELECT r.from_status, r.to_status, r.comment, u.email, v.kind AS version_kind
           FROM plan_reviews r JOIN users u ON u.id = r.actor_id LEFT JOIN plan_versions v ON v.id = r.version_id
          WHERE r.plan_id = $1`,
        [plan.id],
      );
    const reviewSteps = await steps();
    expect(reviewSteps).toEqual([
      {
        from_status: 'draft',
        to_status: 'submitted',
        comment: 'Ready for review. The federal grant decision is expected in March.',
        email: 'coordinator.austin@demo.iuc.test',
        version_kind: 'submission',
      },
    ]);
    // What was submitted passes the template's check, as in the app.
    const content = await t.app.get(CollabServer).read(planDocumentName(plan.id), readPlanContent);
    expect(checkSubmission(content)).toMatchObject({ ok: true, problems: [] });
    const notified = () =>
      t.dataSource.query(
        `SELECT u.email FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.subject_type = 'plan' AND n.subject_id = $1 AND n.kind = 'plan-review' ORDER BY u.email`,
        [plan.id],
      );
    expect(await notified()).toEqual([
      { email: 'admin@demo.iuc.test' },
      { email: 'officer@demo.iuc.test' },
    ]);
    await seedDemo(t.dataSource, t.config);
    expect(await steps()).toEqual(reviewSteps);
    expect((await notified()).length).toBe(2);
  });

  it("starts a conversation in Málaga – Jingyue's General channel once: a thread, a mention, reactions", async () => {
    const conversation = () =>
      t.dataSource.query(
        `SELECT u.email, m.body, m.parent_id, m.reply_count, m.mention_ids,
                (SELECT count(*)::int FROM message_reactions r WHERE r.message_id = m.id) AS reactions
           FROM messages m JOIN users u ON u.id = m.author_id JOIN channels c ON c.id = m.channel_id
           JOIN pairings p ON p.id = c.pairing_id
          WHERE p.slug = 'malaga-jingyue' AND c.kind = 'general' ORDER BY m.created_at`,
      );
    const messages = await conversation();
    expect(messages.map((m: { email: string }) => m.email)).toEqual([
      'coordinator.malaga@demo.iuc.test',
      'coordinator.jingyue@demo.iuc.test',
      'coordinator.malaga@demo.iuc.test',
      'editor.malaga@demo.iuc.test',
      'viewer.malaga-jingyue@demo.iuc.test',
    ]);
    const [lucia] = await t.dataSource.query(
      "SELECT id FROM users WHERE email = 'coordinator.malaga@demo.iuc.test'",
    );
    const [, host, reply] = messages;
    expect(host.body).toContain('@lucia.ortega.malaga');
    expect(host.mention_ids).toEqual([lucia.id]);
    expect(host.reply_count).toBe(1);
    expect(reply.parent_id).not.toBeNull();
    const [malagaPlan] = await t.dataSource.query(
      `SELECT pl.id FROM plans pl JOIN authorities a ON a.id = pl.authority_id JOIN pairings p ON p.id = pl.pairing_id
        WHERE a.slug = 'malaga' AND p.slug = 'malaga-jingyue'`,
    );
    expect(reply.body).toContain(`(/plans/${malagaPlan.id}#plan-section-actions)`);
    expect(messages.map((m: { reactions: number }) => m.reactions)).toEqual([1, 0, 0, 2, 0]);
    // The mention waits, unread, in Lucía's notifications, dated like its message.
    const mentionNotifications = () =>
      t.dataSource.query(
        `SELECT n.user_id, n.kind, n.read_at, n.payload->>'excerpt' AS excerpt, n.created_at = m.created_at AS dated_like_message
           FROM notifications n JOIN messages m ON n.subject_type = 'message' AND m.id = n.subject_id`,
      );
    const notifications = await mentionNotifications();
    expect(notifications).toEqual([
      {
        user_id: lucia.id,
        kind: 'mention',
        read_at: null,
        excerpt: expect.stringContaining('transport bureau'),
        dated_like_message: true,
      },
    ]);
    // Other pairings' channels stay empty; a second seed writes nothing more.
    expect(await count('messages')).toBe(5);
    await seedDemo(t.dataSource, t.config);
    expect(await conversation()).toEqual(messages);
    expect(await mentionNotifications()).toEqual(notifications);
  });

  it('keeps plans and their workflow status when run again', async () => {
    await t.dataSource.query(
      "UPDATE plans SET status = 'submitted' WHERE authority_id = (SELECT id FROM authorities WHERE slug = 'varna')",
    );
    await seedDemo(t.dataSource, t.config);
    const rows = await t.dataSource.query(
      "SELECT status FROM plans WHERE authority_id = (SELECT id FROM authorities WHERE slug = 'varna')",
    );
    expect(rows).toEqual([{ status: 'submitted' }]);
    expect(await count('plans')).toBe(48);
    await t.dataSource.query("UPDATE plans SET status = 'draft'");
  });

  it('changes nothing when run again (same counts, ids and rows)', async () => {
    const before = await snapshot();
    await seedDemo(t.dataSource, t.config);
    expect(await snapshot()).toEqual(before);
  });

  it('gives every demo account the demo password, hashed once with argon2id', async () => {
    const hashes: { password_hash: string }[] = await t.dataSource.query(
      "SELECT DISTINCT password_hash FROM users WHERE email LIKE '%@demo.iuc.test'",
    );
    expect(hashes).toHaveLength(1);
    expect(hashes[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hashes[0].password_hash, t.config.demoPassword)).toBe(true);
  });

  it('re-hashes when the demo password changes, and restores seeded values that were edited', async () => {
    await t.dataSource.query("UPDATE pairings SET status = 'closed' WHERE slug = 'malaga-jingyue'");
    await seedDemo(t.dataSource, { ...t.config, demoPassword: 'another-demo-password' });
    const [{ password_hash }] = await t.dataSource.query(
      "SELECT password_hash FROM users WHERE email = 'admin@demo.iuc.test'",
    );
    expect(await verifyPassword(password_hash, 'another-demo-password')).toBe(true);
    const [{ status }] = await t.dataSource.query(
      "SELECT status FROM pairings WHERE slug = 'malaga-jingyue'",
    );
    expect(status).toBe('active');
    await seedDemo(t.dataSource, t.config);
  });

  it('keeps memberships it did not create', async () => {
    const [{ id: userId }] = await t.dataSource.query(
      "INSERT INTO users (email, name) VALUES ('invited@example.org', 'Invited') RETURNING id",
    );
    const [{ id: pairingId }] = await t.dataSource.query(
      "SELECT id FROM pairings WHERE slug = 'varna-santa-monica'",
    );
    await t.dataSource.query(
      "INSERT INTO memberships (user_id, pairing_id, role) VALUES ($1, $2, 'editor')",
      [userId, pairingId],
    );
    await seedDemo(t.dataSource, t.config);
    expect(
      await t.dataSource.query('SELECT role FROM memberships WHERE user_id = $1', [userId]),
    ).toEqual([{ role: 'editor' }]);
  });
});
