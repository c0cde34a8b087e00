/**
 * The channels every pairing has: "General", and one city-internal channel per side, named after
 * the side's authorities. Idempotent (unique indexes + ON CONFLICT DO NOTHING). A plain function on
 * a query runner, so the demo seed (which runs before the application exists) can call it too.
 */
import type { Queryable } from '../../database/queryable.js';

export const GENERAL_CHANNEL_NAME = 'General';

export async function writeDefaultChannels(
  db: Queryable,
  pairingIds: readonly string[],
): Promise<void> {
  if (!pairingIds.length) return;
  await db.query(
    `INSERT INTO channels (pairing_id, kind, side, name)
     SELECT p.id, 'general', NULL, $2 FROM pairings p WHERE p.id = ANY($1::uuid[])
     ON CONFLICT DO NOTHING`,
    [pairingIds, GENERAL_CHANNEL_NAME],
  );
  await db.query(
    `INSERT INTO channels (pairing_id, kind, side, name)
     SELECT pa.pairing_id, 'city', pa.side, string_agg(a.name, ', ' ORDER BY pa.position, a.name) || ' team'
       FROM pairing_authorities pa JOIN authorities a ON a.id = pa.authority_id
      WHERE pa.pairing_id = ANY($1::uuid[])
      GROUP BY pa.pairing_id, pa.side
     ON CONFLICT DO NOTHING`,
    [pairingIds],
  );
}
