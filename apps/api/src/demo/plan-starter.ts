/**
 * Starter content for a few demo plans, so that a newcomer finds text, an action table, a
 * Chinese plan to export and (Austin's) a complete plan waiting for the programme's review.
 * Written once, into the update log the sync server loads from, and only while the document has
 * nothing stored: edits made in the demo are never overwritten.
 */
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import {
  checkSubmission,
  planDocumentName,
  type PlanAction,
  type PlanContent,
  type PlanSectionKey,
} from '@iuc/domain';
import { UpdateLogRepository } from '../collab/update-log.repository.js';
import { EventOutboxRepository } from '../events/event-outbox.repository.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { UserEntity } from '../auth/users/user.entity.js';
import { UsersRepository } from '../auth/users/users.repository.js';
import { PlanReviewEntity } from '../plans/review/plan-review.entity.js';
import {
  PlanReviewsRepository,
  submissionVersion,
} from '../plans/review/plan-review.repository.js';
import { PlanVersionEntity } from '../plans/versions/plan-version.entity.js';
import { PlanVersionsRepository } from '../plans/versions/plan-versions.repository.js';
import {
  actionToYMap,
  readPlanContent,
  writeSectionText,
} from '../plans/documents/plan-content.js';
import { writeProjection } from '../plans/projection/plan-projection.repository.js';

interface Starter {
  /** Pairing and authority slugs of the plan. */
  pairing: string;
  authority: string;
  sections: Partial<Record<PlanSectionKey, string>>;
  actions: (Partial<PlanAction> & { id: string })[];
  /** Submitted for review by this account, with this comment (the text must pass the check). */
  submittedBy?: { email: string; comment: string };
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
  {
    // Complete and submitted: the programme officer finds a plan waiting for review.
    pairing: 'bologna-austin',
    authority: 'austin',
    sections: {
      context:
        'Austin is growing fast and throws away more than 40% of what could be reused or composted. ' +
        'Bologna shares its experience with repair and reuse centres and with circular public procurement.',
      vision:
        'By 2030, half of the materials Austin discards today are repaired, reused or composted in the city, ' +
        'through local businesses and neighbourhood hubs.',
      implementation:
        'Austin Resource Recovery leads, with the Economic Development Department. A steering group with ' +
        'Bologna meets every quarter; the reuse hub pilot runs from spring to winter 2027.',
      resourcing:
        'The pilot is paid from the city budget (secured); a federal grant is being applied for to scale ' +
        'the hubs to five districts.',
      monitoring:
        'Tonnes diverted from landfill, counted at each hub every month, against the 2026 baseline; ' +
        'a yearly survey of residents who used the hubs.',
    },
    actions: [
      {
        id: 'demo-austin-1',
        title: 'Neighbourhood reuse hub pilot',
        type: 'pilot_project',
        objective: 'Divert furniture and electronics from landfill through repair and resale',
        leadOrganisation: 'Austin Resource Recovery',
        startDate: '2027-03-01',
        endDate: '2027-12-31',
        cost: 450000,
        currency: 'USD',
        funding: [
          { source: 'municipal', amount: 300000, status: 'secured' },
          { source: 'national', amount: 150000, status: 'applied' },
        ],
        indicators: [
          {
            kind: 'result',
            name: 'Materials diverted from landfill',
            unit: 't',
            baseline: 0,
            target: 120,
            targetDate: '2027-12-31',
          },
        ],
        sdgs: [11, 12],
        themes: ['circular-economy'],
        status: 'planned',
      },
      {
        id: 'demo-austin-2',
        title: 'Circular criteria in city procurement',
        type: 'strategic',
        objective: 'Buy repaired and remanufactured goods where they meet the need',
        leadOrganisation: 'Financial Services Department',
        currency: 'USD',
        funding: [{ source: 'municipal', amount: null, status: 'identified' }],
        indicators: [
          {
            kind: 'output',
            name: 'Tenders with circular criteria',
            unit: '%',
            baseline: 2,
            target: 25,
            targetDate: '2028-06-30',
          },
        ],
        sdgs: [12],
        themes: ['circular-economy'],
        status: 'proposed',
      },
    ],
    submittedBy: {
      email: 'coordinator.austin@demo.iuc.test',
      comment: 'Ready for review. The federal grant decision is expected in March.',
    },
  },
];

function starterUpdate(starter: Starter): { update: Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc();
  for (const [key, text] of Object.entries(starter.sections))
    writeSectionText(doc, key as PlanSectionKey, text);
  doc.getArray('actions').push(starter.actions.map(actionToYMap));
  return { update: Y.encodeStateAsUpdate(doc), doc };
}

/** A starter plan written in this run that its coordinator submits. */
interface StarterSubmission {
  planId: string;
  pairingId: string;
  authorityId: string;
  content: PlanContent;
  state: Uint8Array;
  by: NonNullable<Starter['submittedBy']>;
}

/**
 * Writes the starter content of the demo plans whose documents are still empty, then submits
 * those meant to wait for review. Runs under the seed's advisory lock, so that two instances
 * starting together do not both write it.
 */
export async function writeStarterContent(dataSource: DataSource, seedLock: number): Promise<void> {
  const updateLog = new UpdateLogRepository(dataSource);
  const submissions: StarterSubmission[] = [];
  await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [seedLock]);
    for (const starter of STARTERS) {
      const rows: { id: string; pairing_id: string; authority_id: string }[] = await manager.query(
        `SELECT p.id, p.pairing_id, p.authority_id FROM plans p JOIN pairings pr ON pr.id = p.pairing_id JOIN authorities a ON a.id = p.authority_id
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
        const content = readPlanContent(doc);
        await writeProjection(manager, rows[0].id, content);
        if (starter.submittedBy) {
          submissions.push({
            planId: rows[0].id,
            pairingId: rows[0].pairing_id,
            authorityId: rows[0].authority_id,
            content,
            state: update,
            by: starter.submittedBy,
          });
        }
      } finally {
        doc.destroy();
      }
    }
  });
  for (const submission of submissions) await submitStarter(dataSource, submission);
}

/**
 * Submits a starter plan as its coordinator does in the app: the template's check, the version
 * of what was checked, the review step and the officers' notifications, through the same code.
 */
async function submitStarter(dataSource: DataSource, submission: StarterSubmission): Promise<void> {
  const check = checkSubmission(submission.content);
  if (!check.ok) {
    throw new Error(
      `demo plan ${submission.planId} fails the submission check: ${check.problems.map((p) => p.message).join(' ')}`,
    );
  }
  const [actor]: { id: string }[] = await dataSource.query(
    'SELECT id FROM users WHERE email = $1',
    [submission.by.email],
  );
  if (!actor) return;
  const reviews = new PlanReviewsRepository(
    dataSource.getRepository(PlanReviewEntity),
    dataSource,
    new PlanVersionsRepository(dataSource.getRepository(PlanVersionEntity)),
    new EventOutboxRepository(),
  );
  const step = {
    pairingId: submission.pairingId,
    planId: submission.planId,
    authorityId: submission.authorityId,
    status: 'submitted',
    movedBy: 'city',
    actorId: actor.id,
    comment: submission.by.comment,
  } as const;
  const recorded = await reviews.transition({
    planId: submission.planId,
    from: 'draft',
    to: 'submitted',
    actorId: actor.id,
    comment: submission.by.comment,
    version: submissionVersion(submission.state),
    event: { type: 'plan.submitted', payload: step },
  });
  // Null: someone moved the plan meanwhile, and what they did stands. The officers are told now,
  // under the event's id: the relay's delivery of the same event (the app's) then adds nothing.
  if (recorded) {
    const notifications = new NotificationsRepository(dataSource);
    await notifications.insertPlanReviewStep(
      recorded.eventId,
      step,
      await new UsersRepository(dataSource.getRepository(UserEntity)).programmeStaffIds(actor.id),
    );
  }
}
