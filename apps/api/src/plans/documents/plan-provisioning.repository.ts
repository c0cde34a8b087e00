/**
 * One Local Action Plan per city side: creates the plans a pairing's sides lack, titled after the
 * authority and in its first language. Idempotent (the pairing/authority pair is unique), so the
 * demo seed runs it at every start.
 */
import type { Queryable } from '../../database/queryable.js';
import { provisionedPlanTitle } from '@iuc/domain';

/** Inserts the missing plans of the given pairings; returns how many were created. */
export async function createMissingPlans(
  db: Queryable,
  pairingIds: readonly string[],
): Promise<number> {
  if (!pairingIds.length) return 0;
  const rows = (await db.query(
    `INSERT INTO plans (pairing_id, authority_id, title, language)
     SELECT pa.pairing_id, pa.authority_id, $2 || a.name, coalesce(a.languages[1], 'en')
       FROM pairing_authorities pa JOIN authorities a ON a.id = pa.authority_id
      WHERE pa.pairing_id = ANY($1::uuid[])
     ON CONFLICT (pairing_id, authority_id) DO NOTHING
     RETURNING id`,
    [pairingIds, provisionedPlanTitle('')],
  )) as { id: string }[];
  return rows.length;
}
