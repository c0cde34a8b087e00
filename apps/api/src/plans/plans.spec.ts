import request from 'supertest';
import * as Y from 'yjs';
import {
  PLAN_SECTION_KEYS,
  planDocumentName,
  type PlanDetailDto,
  type PlanSummaryDto,
} from '@iuc/domain';
import { CollabServer } from '../collab/collab.server.js';
import {
  setUpPlanCast,
  writeSection,
  type CastMember,
  type PlanCast,
} from '../test/plan-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('plans routes: list and detail', () => {
  let t: TestApp;
  let cast: PlanCast;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await setUpPlanCast(t);
  });
  afterAll(() => t.close());

  const get = (path: string, who: CastMember) =>
    request(t.url).get(path).set('Authorization', `Bearer ${cast.tokens[who]}`);
  const detail = async (planId: string, who: CastMember): Promise<PlanDetailDto> =>
    (await get(`/api/plans/${planId}`, who).expect(200)).body;

  describe('GET /api/pairings/:id/plans', () => {
    it("lists both city sides' plans to a member, with the collab document name", async () => {
      const res = await get(`/api/pairings/${cast.pairing.pairingId}/plans`, 'partner').expect(200);
      const plans = res.body as PlanSummaryDto[];
      expect(plans).toHaveLength(2);
      expect(plans).toEqual(
        expect.arrayContaining([
          {
            id: cast.plans.euPlanId,
            pairingId: cast.pairing.pairingId,
            authorityId: cast.pairing.euAuthorityId,
            title: `Local Action Plan — ${cast.pairing.title.split(' – ')[0]}`,
            status: 'draft',
            documentName: `plan.${cast.plans.euPlanId}`,
          },
          expect.objectContaining({
            id: cast.plans.partnerPlanId,
            authorityId: cast.pairing.partnerAuthorityId,
          }),
        ]),
      );
    });

    it('lists them to viewers and programme staff too', async () => {
      for (const who of ['viewer', 'officer', 'editor'] as const) {
        expect(
          (await get(`/api/pairings/${cast.pairing.pairingId}/plans`, who).expect(200)).body,
        ).toHaveLength(2);
      }
    });

    it('answers 403 to an outsider, 404 for an unknown pairing, 400 for a malformed id, 401 without a session', async () => {
      const res = await get(`/api/pairings/${cast.pairing.pairingId}/plans`, 'outsider').expect(
        403,
      );
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.any(String),
        code: 'forbidden',
      });
      await get('/api/pairings/00000000-0000-4000-8000-000000000000/plans', 'officer').expect(404);
      await get('/api/pairings/not-a-uuid/plans', 'officer').expect(400);
      await request(t.url).get(`/api/pairings/${cast.pairing.pairingId}/plans`).expect(401);
    });
  });

  describe('GET /api/plans/:id', () => {
    it('answers the plan with its authority, language, the 12 template sections and the submission check', async () => {
      const plan = await detail(cast.plans.euPlanId, 'coordinator');
      expect(plan).toMatchObject({
        id: cast.plans.euPlanId,
        pairingId: cast.pairing.pairingId,
        authority: {
          id: cast.pairing.euAuthorityId,
          name: cast.pairing.title.split(' – ')[0],
          countryIso: 'IT',
        },
        language: 'en',
        status: 'draft',
        documentName: `plan.${cast.plans.euPlanId}`,
        updatedAt: expect.any(String),
      });
      expect(plan.sections.map((s) => s.key)).toEqual([...PLAN_SECTION_KEYS]);
      expect(plan.sections[2]).toEqual({
        key: 'vision',
        number: 3,
        title: 'Vision and objectives',
        guidance: expect.any(String),
        requiredForSubmission: true,
      });
      expect(plan.submission.ok).toBe(false);
      expect(plan.submission.problems.map((p) => p.code)).toEqual([
        'section-empty',
        'section-empty',
        'section-empty',
        'section-empty',
        'no-actions',
      ]);
    });

    it('gives each role its permissions (the matrix of planRights)', async () => {
      const eu = cast.plans.euPlanId;
      const expected: [CastMember, string, PlanDetailDto['permissions']][] = [
        ['coordinator', eu, { canEdit: true, canManageVersions: true, transitions: ['submitted'] }],
        ['editor', eu, { canEdit: true, canManageVersions: true, transitions: [] }],
        ['partner', eu, { canEdit: false, canManageVersions: false, transitions: [] }],
        [
          'partner',
          cast.plans.partnerPlanId,
          { canEdit: true, canManageVersions: true, transitions: ['submitted'] },
        ],
        ['viewer', eu, { canEdit: false, canManageVersions: false, transitions: [] }],
        ['officer', eu, { canEdit: false, canManageVersions: false, transitions: [] }],
      ];
      for (const [who, planId, permissions] of expected) {
        expect({ who, planId, permissions: (await detail(planId, who)).permissions }).toEqual({
          who,
          planId,
          permissions,
        });
      }
      // Under review: the writers read only; the officer may approve or ask for changes.
      await t.dataSource.query("UPDATE plans SET status = 'submitted' WHERE id = $1", [eu]);
      try {
        expect((await detail(eu, 'coordinator')).permissions).toEqual({
          canEdit: false,
          canManageVersions: false,
          transitions: [],
        });
        expect((await detail(eu, 'officer')).permissions).toEqual({
          canEdit: false,
          canManageVersions: false,
          transitions: ['changes_requested', 'approved'],
        });
      } finally {
        await t.dataSource.query("UPDATE plans SET status = 'draft' WHERE id = $1", [eu]);
      }
    });

    it('runs the submission check on the current document content', async () => {
      const doc = new Y.Doc();
      writeSection(doc, 'vision', 'Clean air by 2030.');
      await t.app
        .get(CollabServer)
        .applyUpdate(planDocumentName(cast.plans.partnerPlanId), Y.encodeStateAsUpdate(doc));
      doc.destroy();
      const plan = await detail(cast.plans.partnerPlanId, 'partner');
      expect(plan.submission.problems.map((p) => p.section)).toEqual([
        'implementation',
        'resourcing',
        'monitoring',
        'actions',
      ]);
    });

    it('answers 404 alike for a plan the caller may not read and one that does not exist', async () => {
      const hidden = await get(`/api/plans/${cast.plans.euPlanId}`, 'outsider').expect(404);
      const missing = await get(
        '/api/plans/00000000-0000-4000-8000-000000000000',
        'outsider',
      ).expect(404);
      expect(hidden.body).toEqual(missing.body);
      await get('/api/plans/nope', 'officer').expect(400);
    });
  });
});
