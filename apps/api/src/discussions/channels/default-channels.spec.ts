import { seedDemo } from '../../demo/seed/demo-seed.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('default channels of the demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.dataSource, t.config);
  });
  afterAll(() => t.close());

  const channels = () =>
    t.dataSource.query(
      `SELECT c.id, c.kind, c.side, c.name, p.slug FROM channels c JOIN pairings p ON p.id = c.pairing_id ORDER BY p.slug, c.kind, c.side NULLS FIRST`,
    ) as Promise<{ id: string; kind: string; side: string | null; name: string; slug: string }[]>;

  it('gives each of the 23 pairings a general channel and a city-internal channel per side, once', async () => {
    const before = await channels();
    expect(before.filter((c) => c.kind === 'general')).toHaveLength(23);
    expect(before.filter((c) => c.kind === 'city')).toHaveLength(46);
    const belfast = before
      .filter((c) => c.slug.startsWith('belfast'))
      .map((c) => [c.kind, c.side, c.name]);
    expect(belfast).toEqual([
      ['city', 'eu', 'Belfast team'],
      ['city', 'partner', 'Medellín, Santiago de Cali team'],
      ['general', null, 'General'],
    ]);
    await seedDemo(t.dataSource, t.config);
    expect(await channels()).toEqual(before);
  });
});
