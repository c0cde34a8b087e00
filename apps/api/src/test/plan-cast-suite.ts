/**
 * The set-up shared by plan spec files: an API with the plan cast (see setUpPlanCast), the EU
 * side's plan, REST requests as any cast member, and synced collab clients destroyed after each
 * test. Call it at the top of a describe block.
 */
import { connectProvider, synced, type CollabClient } from './collab-clients.js';
import { actingAs, setUpPlanCast, type CastMember, type PlanCast } from './plan-fixture.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface PlanCastSuite {
  readonly t: TestApp;
  readonly cast: PlanCast;
  /** The EU side's plan. */
  readonly planId: string;
  as(who: CastMember): ReturnType<typeof actingAs>;
  /** A collab client of `who` on a plan (the EU side's by default), synced. */
  client(who: CastMember, planId?: string): Promise<CollabClient>;
}

export function usePlanCast(): PlanCastSuite {
  let t: TestApp;
  let cast: PlanCast;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    cast = await setUpPlanCast(t);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(() => t.close());

  return {
    get t() {
      return t;
    },
    get cast() {
      return cast;
    },
    get planId() {
      return cast.plans.euPlanId;
    },
    as: (who) => actingAs(t.url, cast.tokens[who]),
    client: async (who, planId = cast.plans.euPlanId) => {
      const c = connectProvider(t.url, `plan.${planId}`, cast.tokens[who]);
      clients.push(c);
      await synced(c);
      return c;
    },
  };
}
