import type {
  NotificationListDto,
  PlanDetailDto,
  PlanReviewNotificationDto,
  PlanReviewDto,
  PlanTransitionResultDto,
  PlanVersionDto,
  ReviewQueueDto,
} from '@iuc/domain';
import { waitFor, type CollabClient } from '../../test/collab-clients.js';
import {
  addAction,
  completeAction,
  eventually,
  writeRequiredSections,
  writeSection,
  type CastMember,
} from '../../test/plan-fixture.js';
import { usePlanCast } from '../../test/plan-cast-suite.js';

describe('plan review workflow', () => {
  const suite = usePlanCast();
  const { as, client } = suite;
  const move = (who: CastMember, to: string, comment?: string) =>
    as(who).post(`/api/plans/${suite.planId}/transitions`, { to, comment });
  const status = async () =>
    ((await as('officer').get(`/api/plans/${suite.planId}`).expect(200)).body as PlanDetailDto)
      .status;
  const count = async (table: string) =>
    Number(
      (
        await suite.t.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE plan_id = $1`, [
          suite.planId,
        ])
      )[0].n,
    );
  const storedUpdates = async () =>
    Number(
      (
        await suite.t.dataSource.query(
          'SELECT count(*) AS n FROM collab_updates WHERE doc_name = $1',
          [`plan.${suite.planId}`],
        )
      )[0].n,
    );
  const visionText = (c: CollabClient) => c.doc.getXmlFragment('section:vision').toString();

  it('refuses to submit an empty plan with 422, listing sections 3, 6, 7 and 8 and the missing actions; nothing changes', async () => {
    const res = await move('coordinator', 'submitted').expect(422);
    expect(res.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'unprocessable',
      message: [
        'Section 3 (Vision and objectives) is empty.',
        'Section 6 (Implementation plan) is empty.',
        'Section 7 (Resourcing and funding) is empty.',
        'Section 8 (Monitoring and results framework) is empty.',
        'The action table has no actions.',
      ],
    });
    expect(await status()).toBe('draft');
    expect(await count('plan_versions')).toBe(0);
    expect(await count('plan_reviews')).toBe(0);
  });

  it('refuses an action table without a pilot, and actions without objective or indicator', async () => {
    const coordinator = await client('coordinator');
    writeRequiredSections(coordinator.doc);
    addAction(
      coordinator.doc,
      completeAction('a1', { type: 'strategic', objective: '', indicators: [] }),
    );
    await eventually(
      async () => (await as('coordinator').get(`/api/plans/${suite.planId}`)).body as PlanDetailDto,
      (p) => p.submission.problems.every((x) => x.section === 'actions'),
      'the sections to reach the server',
    );
    const res = await move('coordinator', 'submitted').expect(422);
    expect(res.body.message).toEqual([
      'Pilot bike lane a1 has no objective.',
      'Pilot bike lane a1 has no indicator.',
      'The plan needs at least one pilot project.',
    ]);
  });

  it('answers 403 to people who may not submit, 409 when the status does not allow the move, 400 for an unknown status', async () => {
    for (const who of ['editor', 'partner', 'viewer', 'officer'] as const)
      await move(who, 'submitted').expect(403);
    await move('officer', 'approved').expect(409);
    await move('coordinator', 'adopted').expect(409);
    await move('coordinator', 'approved').expect(403);
    await move('coordinator', 'published').expect(400);
    await move('outsider', 'submitted').expect(404);
    expect(await status()).toBe('draft');
  });

  it('submits a complete plan written through a WebsocketProvider client, saving a version; editors become readers', async () => {
    const coordinator = await client('coordinator');
    const editor = await client('editor');
    writeRequiredSections(coordinator.doc);
    const actions = coordinator.doc.getArray('actions');
    actions.delete(0, actions.length);
    addAction(coordinator.doc, completeAction('a1'));
    addAction(coordinator.doc, completeAction('a2', { type: 'enabling' }));
    await eventually(
      async () => (await as('coordinator').get(`/api/plans/${suite.planId}`)).body as PlanDetailDto,
      (p) => p.submission.ok,
      'a complete plan on the server',
    );
    await waitFor(
      () => editor.doc.getArray('actions').length === 2,
      5_000,
      'the editor to see the actions',
    );

    const res = await move('coordinator', 'submitted', 'Ready for review').expect(201);
    const result = res.body as PlanTransitionResultDto;
    expect(result).toMatchObject({
      status: 'submitted',
      review: {
        from: 'draft',
        to: 'submitted',
        comment: 'Ready for review',
        actor: { id: suite.cast.userIds.coordinator, name: 'coordinator person' },
      },
      version: {
        kind: 'submission',
        name: 'Submitted for review',
        author: { id: suite.cast.userIds.coordinator },
      },
    });
    expect(result.review.versionId).toBe(result.version!.id);
    const versions = (await as('viewer').get(`/api/plans/${suite.planId}/versions`).expect(200))
      .body as PlanVersionDto[];
    expect(versions.map((v) => v.kind)).toEqual(['submission']);
    const diff = (
      await as('viewer')
        .get(`/api/plans/${suite.planId}/versions/${result.version!.id}/diff`)
        .expect(200)
    ).body;
    expect(diff.sections.find((s: { key: string }) => s.key === 'vision').versionText).toBe(
      'A city where children cycle to school.',
    );

    // The sync server rechecks open connections every 2 s: the editor is read-only from then on.
    await new Promise((r) => setTimeout(r, 2_500));
    const before = await storedUpdates();
    writeSection(editor.doc, 'vision', 'EDITED AFTER SUBMISSION');
    const witness = await client('officer');
    await new Promise((r) => setTimeout(r, 500));
    expect(visionText(witness)).not.toContain('EDITED AFTER SUBMISSION');
    expect(await storedUpdates()).toBe(before);
    expect(
      (await as('coordinator').get(`/api/plans/${suite.planId}`).expect(200)).body.permissions
        .canEdit,
    ).toBe(false);
  });

  const reviewQueue = async () =>
    (await as('officer').get('/api/review-queue').expect(200)).body as ReviewQueueDto;
  const queued = async () =>
    (await reviewQueue()).items.filter((item) => item.plan.id === suite.planId);

  it("lists the submitted plan in the officers' review queue, with when and by whom; nobody else has a queue", async () => {
    const [item] = await queued();
    expect(item).toEqual({
      plan: expect.objectContaining({
        id: suite.planId,
        status: 'submitted',
        documentName: `plan.${suite.planId}`,
      }),
      submittedAt: expect.any(String),
      submittedBy: { id: suite.cast.userIds.coordinator, name: 'coordinator person' },
      resubmitted: false,
    });
    // Where the programme's plans stand: here, this one submitted and the partner city's in draft.
    expect((await reviewQueue()).statusCounts).toEqual({
      draft: 1,
      submitted: 1,
      changes_requested: 0,
      approved: 0,
      adopted: 0,
    });
    const [submission] = (await as('officer').get(`/api/plans/${suite.planId}/reviews`).expect(200))
      .body as PlanReviewDto[];
    expect(item.submittedAt).toBe(submission.createdAt);
    for (const who of ['coordinator', 'editor', 'partner', 'viewer', 'outsider'] as const) {
      const res = await as(who).get('/api/review-queue').expect(403);
      expect(res.body.message).toBe('Only programme staff review plans.');
    }
  });

  it("refuses a verdict from programme staff who are also members of the plan's pairing (defence in depth)", async () => {
    // Staff cannot be given a pairing role any more; a membership from before must not let them judge.
    const officerId = suite.cast.userIds.officer;
    await suite.t.dataSource.query(
      `INSERT INTO memberships (user_id, pairing_id, role, authority_id) VALUES ($1, $2, 'coordinator', $3)`,
      [officerId, suite.cast.pairing.pairingId, suite.cast.pairing.euAuthorityId],
    );
    try {
      const plan = (await as('officer').get(`/api/plans/${suite.planId}`).expect(200))
        .body as PlanDetailDto;
      expect(plan.permissions.transitions).toEqual([]);
      for (const to of ['approved', 'changes_requested']) {
        const res = await move('officer', to, 'Looks good to me').expect(403);
        expect(res.body.message).toContain('member of this plan');
      }
      expect(await status()).toBe('submitted');
      expect(await count('plan_reviews')).toBe(1);
    } finally {
      await suite.t.dataSource.query('DELETE FROM memberships WHERE user_id = $1', [officerId]);
    }
  });

  it('lets programme staff request changes and approve, and the city coordinator resubmit and adopt; the log keeps every step', async () => {
    await move('coordinator', 'submitted').expect(409);
    await move('officer', 'changes_requested', 'Add a budget per action').expect(201);
    expect(await queued()).toEqual([]);
    expect(
      (await as('editor').get(`/api/plans/${suite.planId}`).expect(200)).body.permissions.canEdit,
    ).toBe(true);
    await move('officer', 'approved').expect(409);
    await move('coordinator', 'submitted', 'Budgets added').expect(201);
    expect((await queued()).map((item) => item.resubmitted)).toEqual([true]);
    await move('officer', 'approved', 'Well done').expect(201);
    expect(await queued()).toEqual([]);
    await move('officer', 'adopted').expect(403);
    await move('coordinator', 'adopted', 'Adopted by the city council').expect(201);
    expect(await status()).toBe('adopted');

    const log = (await as('partner').get(`/api/plans/${suite.planId}/reviews`).expect(200))
      .body as PlanReviewDto[];
    expect(log.map((r) => [r.from, r.to, r.comment, r.actor?.name])).toEqual([
      ['approved', 'adopted', 'Adopted by the city council', 'coordinator person'],
      ['submitted', 'approved', 'Well done', 'officer person'],
      ['changes_requested', 'submitted', 'Budgets added', 'coordinator person'],
      ['submitted', 'changes_requested', 'Add a budget per action', 'officer person'],
      ['draft', 'submitted', 'Ready for review', 'coordinator person'],
    ]);
    // Each submission saved a version.
    const versions = (await as('partner').get(`/api/plans/${suite.planId}/versions`).expect(200))
      .body as PlanVersionDto[];
    expect(versions.map((v) => v.kind)).toEqual(['submission', 'submission']);
    await as('outsider').get(`/api/plans/${suite.planId}/reviews`).expect(404);
  });

  it('tells the other side of each step: officers of submissions and adoption, the city’s writers of verdicts', async () => {
    const steps = async (who: CastMember) =>
      ((await as(who).get('/api/notifications').expect(200)).body as NotificationListDto).items
        .filter(
          (n): n is PlanReviewNotificationDto =>
            n.kind === 'plan-review' && n.planId === suite.planId,
        )
        .map((n) => [n.status, n.actor.name, n.excerpt, n.planTitle]);
    const { title } = (await as('officer').get(`/api/plans/${suite.planId}`).expect(200))
      .body as PlanDetailDto;
    // Newest first; nobody hears of their own steps; the partner city and viewers hear of none.
    expect(await steps('officer')).toEqual([
      ['adopted', 'coordinator person', 'Adopted by the city council', title],
      ['submitted', 'coordinator person', 'Budgets added', title],
      ['submitted', 'coordinator person', 'Ready for review', title],
    ]);
    const verdicts = [
      ['approved', 'officer person', 'Well done', title],
      ['changes_requested', 'officer person', 'Add a budget per action', title],
    ];
    expect(await steps('coordinator')).toEqual(verdicts);
    expect(await steps('editor')).toEqual(verdicts);
    expect(await steps('partner')).toEqual([]);
    expect(await steps('viewer')).toEqual([]);
    // They count as unread until read.
    const unread = async () =>
      ((await as('editor').get('/api/notifications').expect(200)).body as NotificationListDto)
        .unread;
    expect(await unread()).toBe(2);
    await as('editor').post('/api/notifications/read', {}).expect(200);
    expect(await unread()).toBe(0);
  });

  it('validates the body: unknown fields and overlong comments are refused', async () => {
    await as('coordinator')
      .post(`/api/plans/${suite.planId}/transitions`, { to: 'submitted', extra: 1 })
      .expect(400);
    await as('coordinator')
      .post(`/api/plans/${suite.planId}/transitions`, {
        to: 'submitted',
        comment: 'x'.repeat(5001),
      })
      .expect(400);
    await as('coordinator').post(`/api/plans/${suite.planId}/transitions`, {}).expect(400);
  });
});
