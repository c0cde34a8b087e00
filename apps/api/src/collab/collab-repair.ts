/**
 * Repair of documents whose update log holds rows that must not be there: rows that Yjs cannot
 * apply, or that the update check would refuse today (stored before it existed). The document is
 * rebuilt from its snapshot and the rows that pass, one at a time, and written back as a new
 * snapshot replacing every row up to the newest, in one transaction (UpdateLogRepository.compact):
 * the dropped rows go, everything else is kept. A row that throws is left out whole, not half
 * applied (Yjs has no rollback: the document is rebuilt without it).
 */
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { checkUpdate } from './update-check.js';
import { UpdateLogRepository } from './update-log.repository.js';

export interface RepairReport {
  docName: string;
  /** Rows left out, with why. */
  dropped: { seq: string; reason: string }[];
  /** Rows kept (merged into the new snapshot, when anything was dropped and not a dry run). */
  kept: number;
  /** Set when the document cannot be repaired (its snapshot does not apply): nothing was changed. */
  failure?: string;
}

/** Why a stored row must go, or null. */
function refusal(update: Uint8Array): string | null {
  try {
    checkUpdate(update);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

function rebuilt(entries: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.transact(doc, () => entries.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
}

export async function repairDocument(
  dataSource: DataSource,
  docName: string,
  { dryRun }: { dryRun: boolean },
): Promise<RepairReport> {
  const log = new UpdateLogRepository(dataSource);
  const stored = await log.load(docName);
  const report: RepairReport = { docName, dropped: [], kept: 0 };
  const good: Uint8Array[] = [];
  let doc = new Y.Doc({ gc: true });
  try {
    if (stored.snapshot) {
      try {
        Y.applyUpdate(doc, stored.snapshot);
        good.push(stored.snapshot);
      } catch (err) {
        return { ...report, failure: `its snapshot does not apply (${(err as Error).message})` };
      }
    }
    stored.updates.forEach((update, i) => {
      let reason = refusal(update);
      if (!reason) {
        try {
          Y.applyUpdate(doc, update);
        } catch (err) {
          reason = `does not apply: ${(err as Error).message}`;
          doc.destroy();
          doc = rebuilt(good);
        }
      }
      if (reason) report.dropped.push({ seq: stored.seqs?.[i] ?? `#${i + 1}`, reason });
      else good.push(update);
    });
    report.kept = stored.updates.length - report.dropped.length;
    if (report.dropped.length && !dryRun)
      await log.compact(docName, Y.encodeStateAsUpdate(doc), stored.lastSeq);
    return report;
  } finally {
    doc.destroy();
  }
}

/** Every document with rows in its update log (only those can hold a bad row). */
export async function documentsWithUpdates(dataSource: DataSource): Promise<string[]> {
  const rows: { doc_name: string }[] = await dataSource.query(
    'SELECT DISTINCT doc_name FROM collab_updates ORDER BY doc_name',
  );
  return rows.map((r) => r.doc_name);
}
