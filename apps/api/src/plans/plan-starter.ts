/**
 * Starter content for a few demo plans, so that a newcomer finds text, an action table and a
 * Chinese plan to export. Written once, into the update log the sync server loads from, and only
 * while the document has nothing stored: edits made in the demo are never overwritten.
 */
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { planDocumentName, type PlanAction, type PlanSectionKey } from '@iuc/domain';
import { UpdateLogRepository } from '../collab/update-log.repository.js';
import { actionToYMap, readPlanContent, writeSectionText } from './plan-content.js';
import { writeProjection } from './plan-projector.js';

interface Starter {
  /** Pairing and authority slugs of the plan. */
  pairing: string;
  authority: string;
  sections: Partial<Record<PlanSectionKey, string>>;
  actions: (Partial<PlanAction> & { id: string })[];
}

const DEMO_NOTE = {
  es: 'Texto de ejemplo de la demostración.',
  zh: '本文为演示示例。',
};

const STARTERS: Starter[] = [
  {
    pairing: 'malaga-jingyue',
    authority: 'malaga',
    sections: {
      context: `Málaga prepara su Plan de Movilidad Urbana Sostenible con el apoyo de su socio Jingyue. ${DEMO_NOTE.es}`,
      vision:
        'Una ciudad donde ir a pie o en bicicleta sea la opción más fácil para los desplazamientos cotidianos.',
    },
    actions: [
      {
        id: 'demo-malaga-1',
        title: 'Carril bici piloto hacia los colegios',
        type: 'pilot_project',
        objective: 'Más desplazamientos escolares en bicicleta',
        leadOrganisation: 'Área de Movilidad',
        currency: 'EUR',
        funding: [],
        indicators: [
          {
            kind: 'output',
            name: 'Carril construido',
            unit: 'km',
            baseline: 0,
            target: 3,
            targetDate: null,
          },
        ],
        sdgs: [11],
        themes: ['urban-mobility'],
        status: 'proposed',
      },
    ],
  },
  {
    pairing: 'malaga-jingyue',
    authority: 'jingyue',
    sections: {
      context: `净月区是长春市的一个开发区，正在与马拉加合作研究可持续交通。${DEMO_NOTE.zh}`,
      vision: '建设步行和自行车出行便利的绿色城区。',
    },
    actions: [
      {
        id: 'demo-jingyue-1',
        title: '自行车道试点',
        type: 'pilot_project',
        objective: '提高短途出行中自行车的比例',
        leadOrganisation: '净月区交通部门',
        currency: 'CNY',
        funding: [],
        indicators: [
          {
            kind: 'output',
            name: '新建自行车道',
            unit: 'km',
            baseline: 0,
            target: 2,
            targetDate: null,
          },
        ],
        sdgs: [11],
        themes: ['urban-mobility'],
        status: 'proposed',
      },
    ],
  },
];

function starterUpdate(starter: Starter): { update: Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc();
  for (const [key, text] of Object.entries(starter.sections))
    writeSectionText(doc, key as PlanSectionKey, text);
  doc.getArray('actions').push(starter.actions.map(actionToYMap));
  return { update: Y.encodeStateAsUpdate(doc), doc };
}

/**
 * Writes the starter content of the demo plans whose documents are still empty. Runs under the
 * seed's advisory lock, so that two instances starting together do not both write it.
 */
export async function writeStarterContent(dataSource: DataSource, seedLock: number): Promise<void> {
  const updateLog = new UpdateLogRepository(dataSource);
  await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [seedLock]);
    for (const starter of STARTERS) {
      const rows: { id: string }[] = await manager.query(
        `SELECT p.id FROM plans p JOIN pairings pr ON pr.id = p.pairing_id JOIN authorities a ON a.id = p.authority_id
          WHERE pr.slug = $1 AND a.slug = $2`,
        [starter.pairing, starter.authority],
      );
      if (!rows[0]) continue;
      const docName = planDocumentName(rows[0].id);
      const stored = await updateLog.load(docName);
      if (stored.snapshot || stored.updates.length) continue;
      const { update, doc } = starterUpdate(starter);
      try {
        // Committed at once (outside this transaction), while the lock keeps other seeders waiting.
        await updateLog.append([docName], [update]);
        await writeProjection(manager, rows[0].id, readPlanContent(doc));
      } finally {
        doc.destroy();
      }
    }
  });
}
