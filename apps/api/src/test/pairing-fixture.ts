/**
 * A minimal pairing written with SQL, for tests that need one (call, two authorities, pairing).
 * Each call makes a new pairing with unique slugs.
 */
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface PairingFixture {
  pairingId: string;
  euAuthorityId: string;
  partnerAuthorityId: string;
  title: string;
}

export async function insertPairing(
  dataSource: DataSource,
  names: { eu?: string; partner?: string } = {},
): Promise<PairingFixture> {
  const suffix = randomBytes(4).toString('hex');
  const eu = names.eu ?? `Torino ${suffix}`;
  const partner = names.partner ?? `Curitiba ${suffix}`;
  await dataSource.query(
    `INSERT INTO calls (code, name, component, regional_programme, min_population, term_months, target_countries)
     VALUES ('test-call', 'Test call', 'city pairing', 'test', 0, 18, '{}') ON CONFLICT (code) DO NOTHING`,
  );
  const authority = async (name: string, country: string, region: string): Promise<string> => {
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO authorities (slug, name, kind, country_iso, world_region, time_zone)
       VALUES ($1, $2, 'municipality', $3, $4, 'UTC') RETURNING id`,
      [`${name.toLowerCase().replace(/\W+/g, '-')}-${suffix}`, name, country, region],
    );
    return rows[0].id;
  };
  const euAuthorityId = await authority(eu, 'IT', 'europe');
  const partnerAuthorityId = await authority(partner, 'BR', 'latin-america-caribbean');
  const [{ id: pairingId }]: { id: string }[] = await dataSource.query(
    `INSERT INTO pairings (slug, call_code) VALUES ($1, 'test-call') RETURNING id`,
    [`pairing-${suffix}`],
  );
  await dataSource.query(
    `INSERT INTO pairing_authorities (pairing_id, authority_id, side) VALUES ($1, $2, 'eu'), ($1, $3, 'partner')`,
    [pairingId, euAuthorityId, partnerAuthorityId],
  );
  return { pairingId, euAuthorityId, partnerAuthorityId, title: `${eu} – ${partner}` };
}
