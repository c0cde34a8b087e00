import {
  planDocumentName,
  type PlanContent,
  type PlanVersionDiffDto,
  type PlanVersionDto,
} from '@iuc/domain';
import { CollabServer } from '../../collab/collab.server.js';
import { waitFor, type CollabClient } from '../../test/collab-clients.js';
import { addAction, completeAction, eventually, writeSection } from '../../test/plan-fixture.js';
import { readPlanContent } from '../documents/plan-content.js';
import { usePlanCast } from '../../test/plan-cast-suite.js';

describe('plan versions: save, list, diff, restore', () => {
  const suite = usePlanCast();
  const { as, client } = suite;
  const section = (c: CollabClient, key: 'vision' | 'risks') =>
    readPlanContent(c.doc).sections[key];
  const save = async (name: string): Promise<PlanVersionDto> =>
    (await as('coordinator').post(`/api/plans/${suite.planId}/versions`, { name }).expect(201))
      .body;
  const diff = async (versionId: string): Promise<PlanVersionDiffDto> =>
    (await as('viewer').get(`/api/plans/${suite.planId}/versions/${versionId}/diff`).expect(200))
      .body;
  /** Waits until the server's copy of the document satisfies `ok`. */
  const serverHas = (ok: (content: PlanContent) => boolean, what: string) =>
    eventually(
      () => suite.t.app.get(CollabServer).read(planDocumentName(suite.planId), readPlanContent),
      ok,
      what,
    );

  it('saves a named version, lists it, diffs it against now and restores it: the open editors see the old text again, history keeps both', async () => {
    const coordinator = await client('coordinator');
    const editor = await client('editor');
    writeSection(coordinator.doc, 'vision', 'Version one of the vision.');
    addAction(coordinator.doc, completeAction('a1'));
    await waitFor(
      () => section(editor, 'vision') === 'Version one of the vision.',
      5_000,
      'the editor to see version one',
    );

    await serverHas((c) => c.actions.length === 1, 'version one on the server');
    const first = await save('  Before the partner visit  ');
    expect(first).toMatchObject({
      planId: suite.planId,
      name: 'Before the partner visit',
      kind: 'manual',
      author: { id: suite.cast.userIds.coordinator, name: 'coordinator person' },
      restoredFrom: null,
      section: null,
    });

    writeSection(editor.doc, 'vision', 'Version two of the vision.');
    const actions = editor.doc.getArray('actions');
    actions.delete(0, actions.length);
    addAction(editor.doc, completeAction('a2'));
    await serverHas(
      (c) => c.sections.vision === 'Version two of the vision.' && c.actions[0]?.id === 'a2',
      'version two on the server',
    );
    const changed = await diff(first.id);
    const vision = changed.sections.find((s) => s.key === 'vision')!;
    expect(vision).toMatchObject({
      number: 3,
      versionText: 'Version one of the vision.',
      changed: true,
    });
    expect(vision.diff).toEqual([
      { op: 'equal', text: 'Version ' },
      { op: 'delete', text: 'one' },
      { op: 'insert', text: 'two' },
      { op: 'equal', text: ' of the vision.' },
    ]);
    expect(changed.sections.filter((s) => s.changed).map((s) => s.key)).toEqual(['vision']);
    expect(changed.actions.added.map((a) => a.id)).toEqual(['a2']);
    expect(changed.actions.removed.map((a) => a.id)).toEqual(['a1']);
    expect(changed.version.id).toBe(first.id);

    const restored = (
      await as('editor').post(`/api/plans/${suite.planId}/versions/${first.id}/restore`).expect(201)
    ).body as PlanVersionDto;
    expect(restored).toMatchObject({
      kind: 'restore',
      restoredFrom: { id: first.id, name: 'Before the partner visit' },
      author: { id: suite.cast.userIds.editor },
      section: null,
    });
    // Live: both open editors receive the restore from the server.
    for (const c of [coordinator, editor]) {
      await waitFor(
        () => section(c, 'vision') === 'Version one of the vision.',
        5_000,
        'the restored text at a client',
      );
      await waitFor(
        () =>
          readPlanContent(c.doc)
            .actions.map((a) => a.id)
            .join() === 'a1',
        5_000,
        'the restored actions',
      );
    }
    // Durable: a client that joins later gets it too; and nothing differs from the version now.
    const late = await client('viewer');
    expect(section(late, 'vision')).toBe('Version one of the vision.');
    const after = await diff(first.id);
    expect(after.sections.every((s) => !s.changed)).toBe(true);
    expect(after.actions).toEqual({ added: [], removed: [], changed: [] });

    const history = (await as('partner').get(`/api/plans/${suite.planId}/versions`).expect(200))
      .body as PlanVersionDto[];
    expect(history.map((v) => [v.kind, v.id])).toEqual([
      ['restore', restored.id],
      ['manual', first.id],
    ]);
    // The restore version holds the restored content: diffing it finds nothing to show.
    expect((await diff(restored.id)).sections.every((s) => !s.changed)).toBe(true);
  });

  it('restores one section only', async () => {
    const coordinator = await client('coordinator');
    writeSection(coordinator.doc, 'vision', 'Vision A.');
    writeSection(coordinator.doc, 'risks', 'Risks A.');
    await serverHas((c) => c.sections.risks === 'Risks A.', 'A on the server');
    const first = await save('A');
    writeSection(coordinator.doc, 'vision', 'Vision B.');
    writeSection(coordinator.doc, 'risks', 'Risks B.');
    await serverHas((c) => c.sections.risks === 'Risks B.', 'B on the server');

    const restored = (
      await as('coordinator')
        .post(`/api/plans/${suite.planId}/versions/${first.id}/restore`, { section: 'risks' })
        .expect(201)
    ).body;
    expect(restored).toMatchObject({
      kind: 'restore',
      section: 'risks',
      name: 'Restored section 9 from “A”',
    });
    await waitFor(() => section(coordinator, 'risks') === 'Risks A.', 5_000, 'risks restored');
    expect(section(coordinator, 'vision')).toBe('Vision B.');
  });

  it('lets only the plan city’s writers save and restore, and only while the plan is open', async () => {
    const [version] = (await as('viewer').get(`/api/plans/${suite.planId}/versions`).expect(200))
      .body as PlanVersionDto[];
    for (const who of ['viewer', 'partner', 'officer'] as const) {
      await as(who).post(`/api/plans/${suite.planId}/versions`, { name: 'x' }).expect(403);
      await as(who).post(`/api/plans/${suite.planId}/versions/${version.id}/restore`).expect(403);
    }
    await as('outsider').post(`/api/plans/${suite.planId}/versions`, { name: 'x' }).expect(404);
    await as('outsider').get(`/api/plans/${suite.planId}/versions`).expect(404);
    await as('outsider').get(`/api/plans/${suite.planId}/versions/${version.id}/diff`).expect(404);

    await suite.t.dataSource.query("UPDATE plans SET status = 'submitted' WHERE id = $1", [
      suite.planId,
    ]);
    try {
      const res = await as('coordinator')
        .post(`/api/plans/${suite.planId}/versions`, { name: 'x' })
        .expect(403);
      expect(res.body.message).toMatch(/submitted/);
      await as('coordinator')
        .post(`/api/plans/${suite.planId}/versions/${version.id}/restore`)
        .expect(403);
      // Reading stays open.
      await as('coordinator')
        .get(`/api/plans/${suite.planId}/versions/${version.id}/diff`)
        .expect(200);
    } finally {
      await suite.t.dataSource.query("UPDATE plans SET status = 'draft' WHERE id = $1", [
        suite.planId,
      ]);
    }
  });

  it('answers 404 for a version of another plan or none, and 400 for bad input', async () => {
    const other = (
      await as('partner')
        .post(`/api/plans/${suite.cast.plans.partnerPlanId}/versions`, { name: 'Partner version' })
        .expect(201)
    ).body;
    await as('coordinator').get(`/api/plans/${suite.planId}/versions/${other.id}/diff`).expect(404);
    await as('coordinator')
      .post(`/api/plans/${suite.planId}/versions/${other.id}/restore`)
      .expect(404);
    await as('coordinator')
      .get(`/api/plans/${suite.planId}/versions/00000000-0000-4000-8000-000000000000/diff`)
      .expect(404);
    await as('coordinator').get(`/api/plans/${suite.planId}/versions/nope/diff`).expect(400);
    await as('coordinator')
      .post(`/api/plans/${suite.planId}/versions`, { name: '   ' })
      .expect(400);
    await as('coordinator')
      .post(`/api/plans/${suite.planId}/versions`, { name: 'x'.repeat(201) })
      .expect(400);
    await as('coordinator')
      .post(`/api/plans/${suite.planId}/versions`, { name: 'ok', state: 'AAAA' })
      .expect(400);
    await as('coordinator')
      .post(`/api/plans/${suite.planId}/versions/${other.id}/restore`, { section: 'bogus' })
      .expect(400);
  });
});
