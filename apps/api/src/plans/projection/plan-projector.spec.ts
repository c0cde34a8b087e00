import { expect, it, jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { EventBus } from '../../events/event-bus.js';
import { PlanProjectionRepository } from './plan-projection.repository.js';
import { PlanProjector } from './plan-projector.js';

const DOC = 'plan.0b6f2c1e-4a7d-4f0e-9c3b-2d5e8a1f7c90';

/** A projector over a pool whose `query` records its calls (and fails when told to). */
function projector() {
  const query = jest.fn(async (_config: unknown) => ({ rows: [] }));
  const dataSource = { driver: { master: { query } } } as unknown as DataSource;
  return {
    query,
    projector: new PlanProjector(new PlanProjectionRepository(dataSource), new EventBus()),
  };
}

function planDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('section:context').push([p]);
  return doc;
}

describe('PlanProjector', () => {
  it('writes a projection only when its content changed since its last write', async () => {
    const { query, projector: p } = projector();
    const doc = planDoc('Safer streets.');
    await p.documentChanged(DOC, doc);
    await p.documentChanged(DOC, doc);
    expect(query).toHaveBeenCalledTimes(1);
    (doc.getXmlFragment('section:context').get(0) as Y.XmlElement).push([
      new Y.XmlText(' More trees.'),
    ]);
    await p.documentChanged(DOC, doc);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('writes again after a failed write of the same content', async () => {
    const { query, projector: p } = projector();
    const doc = planDoc('Safer streets.');
    await p.documentChanged(DOC, doc);
    query.mockRejectedValueOnce(new Error('connection lost'));
    doc.getXmlFragment('section:context').push([new Y.XmlElement('paragraph')]);
    (doc.getXmlFragment('section:context').get(1) as Y.XmlElement).push([
      new Y.XmlText('Bike lanes.'),
    ]);
    await expect(p.documentChanged(DOC, doc)).rejects.toThrow('connection lost');
    await p.documentChanged(DOC, doc);
    expect(query).toHaveBeenCalledTimes(3);
  });
});
