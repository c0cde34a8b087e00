import request from 'supertest';
/**
 * Plans for tests: the plans of a pairing fixture (created as the demo seed creates them), and
 * content written into a plan document the way the web client writes it (TipTap paragraphs in
 * `section:<key>`, Y.Maps in `actions`).
 */
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { ACTIONS_ARRAY_NAME, type PlanAction } from '@iuc/domain';
import {
  actionToYMap,
  readPlanContent,
  writeSectionText,
} from '../plans/documents/plan-content.js';
import { writeProjection } from '../plans/projection/plan-projection.repository.js';
import { createMissingPlans } from '../plans/documents/plan-provisioning.repository.js';
import { addMembership, createUser, login } from './auth-helpers.js';
import { insertPairing, type PairingFixture } from './pairing-fixture.js';

export interface PlanFixture {
  euPlanId: string;
  partnerPlanId: string;
}

export async function insertPlans(
  dataSource: DataSource,
  pairing: PairingFixture,
): Promise<PlanFixture> {
  await createMissingPlans(dataSource.manager, [pairing.pairingId]);
  const rows: { id: string; authority_id: string }[] = await dataSource.query(
    'SELECT id, authority_id FROM plans WHERE pairing_id = $1',
    [pairing.pairingId],
  );
  const of = (authorityId: string) => rows.find((r) => r.authority_id === authorityId)!.id;
  return { euPlanId: of(pairing.euAuthorityId), partnerPlanId: of(pairing.partnerAuthorityId) };
}

/** Replaces a section's text by one paragraph per line. */
export const writeSection = writeSectionText;

export function addAction(doc: Y.Doc, action: Partial<PlanAction> & { id: string }): void {
  doc.getArray(ACTIONS_ARRAY_NAME).push([actionToYMap(action)]);
}

/** An action that passes the submission rules (objective, indicator), a pilot unless told. */
export function completeAction(
  id: string,
  over: Partial<PlanAction> = {},
): Partial<PlanAction> & { id: string } {
  return {
    id,
    title: `Pilot bike lane ${id}`,
    type: 'pilot_project',
    objective: 'Safer cycling to school',
    leadOrganisation: 'Mobility department',
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    cost: 120000,
    currency: 'EUR',
    funding: [{ source: 'municipal', amount: 80000, status: 'secured' }],
    indicators: [
      {
        kind: 'output',
        name: 'Lane built',
        unit: 'km',
        baseline: 0,
        target: 4,
        targetDate: '2026-12-31',
      },
    ],
    sdgs: [11],
    themes: ['urban-mobility'],
    status: 'planned',
    ...over,
  };
}

/** The sections the submission rules require, written. */
export function writeRequiredSections(doc: Y.Doc): void {
  writeSection(doc, 'vision', 'A city where children cycle to school.');
  writeSection(
    doc,
    'implementation',
    'The mobility department leads; a steering group meets monthly.',
  );
  writeSection(doc, 'resourcing', 'Municipal budget 2026, EU funds applied for.');
  writeSection(
    doc,
    'monitoring',
    'Kilometres of lanes and share of pupils cycling, counted each term.',
  );
}

/** Polls an async condition (e.g. a REST answer) until it holds. */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out waiting for ${what}: last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type CastMember = 'coordinator' | 'editor' | 'partner' | 'viewer' | 'officer' | 'outsider';

export interface PlanCast {
  pairing: PairingFixture;
  plans: PlanFixture;
  /** Bearer tokens. */
  tokens: Record<CastMember, string>;
  userIds: Record<CastMember, string>;
}

/**
 * A pairing with its two plans and people around them: the EU side's coordinator and editor, the
 * partner side's coordinator, a viewer of the pairing, a programme officer and an outsider.
 */
export async function setUpPlanCast(t: { dataSource: DataSource; url: string }): Promise<PlanCast> {
  const password = 'correct horse battery';
  const pairing = await insertPairing(t.dataSource);
  const plans = await insertPlans(t.dataSource, pairing);
  const people: [CastMember, 'coordinator' | 'editor' | 'viewer' | null, string | null][] = [
    ['coordinator', 'coordinator', pairing.euAuthorityId],
    ['editor', 'editor', pairing.euAuthorityId],
    ['partner', 'coordinator', pairing.partnerAuthorityId],
    ['viewer', 'viewer', null],
    ['officer', null, null],
    ['outsider', null, null],
  ];
  const tokens = {} as Record<CastMember, string>;
  const userIds = {} as Record<CastMember, string>;
  const tag = pairing.pairingId.slice(0, 8);
  for (const [who, role, authorityId] of people) {
    const email = `${who}.${tag}@plans.test`;
    const user = await createUser(t.dataSource, {
      email,
      name: `${who} person`,
      password,
      programmeRole: who === 'officer' ? 'officer' : null,
    });
    userIds[who] = user.id;
    if (role)
      await addMembership(t.dataSource, {
        userId: user.id,
        pairingId: pairing.pairingId,
        role,
        authorityId,
      });
    tokens[who] = (await login(t.url, email, password)).token;
  }
  return { pairing, plans, tokens, userIds };
}

/** Requests signed in with a bearer token, for one member of the cast. */
export function actingAs(baseUrl: string, token: string) {
  return {
    get: (path: string) => request(baseUrl).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      request(baseUrl).post(path).set('Authorization', `Bearer ${token}`).send(body),
  };
}

/**
 * Writes a plan's action rows as the projector would from its document (for tests of what reads
 * them, e.g. the library's citations), without a collab round trip.
 */
export async function projectActions(
  dataSource: DataSource,
  planId: string,
  actions: (Partial<PlanAction> & { id: string })[],
): Promise<void> {
  const doc = new Y.Doc();
  for (const action of actions) addAction(doc, action);
  await writeProjection(dataSource.manager, planId, readPlanContent(doc));
}
