import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { planRights } from '@iuc/domain';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { SessionsService } from '../../auth/sessions/sessions.service.js';
import { isOwnOrigin, originRefusal } from '../../auth/origin-policy.js';
import { SESSION_COOKIE } from '../../auth/sessions/session-cookie.js';
import type {
  AccessDecision,
  AccessVerdict,
  CollabAccess,
  CollabAuthorisation,
  CollabGrant,
} from '../../collab/collab-access.js';
import {
  CLOSE_FORBIDDEN,
  CLOSE_NOT_AUTHENTICATED,
  CLOSE_NOT_FOUND,
} from '../../collab/protocol.js';
import { AccessService } from '../../access/access.service.js';
import type { Resolution } from '../../access/resource-locator.js';
import { planStanding, type LocatedPlan } from '../plan.locator.js';
import { planIdOfDocument } from './plan-document-name.js';

function decision(s: Resolution<LocatedPlan>): AccessDecision {
  return { epoch: s.epoch, expiresAt: s.person?.sessionExpiresAt?.getTime() ?? Infinity };
}

/** Access to plan documents for the sync server: the plan's rights, from the session. */
@Injectable()
export class PlanCollabAccess implements CollabAccess {
  private readonly log = new Logger('Origin');

  constructor(
    private readonly sessions: SessionsService,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One query (through the access service): the session, its person and their standing towards the plan. */
  async authorise(request: IncomingMessage, docName: string): Promise<CollabAuthorisation> {
    const planId = planIdOfDocument(docName);
    if (!planId) return { ok: false, closeCode: CLOSE_NOT_FOUND, reason: 'unknown document' };
    const presented = this.presentedToken(request);
    if (!presented)
      return { ok: false, closeCode: CLOSE_NOT_AUTHENTICATED, reason: 'sign in first' };
    // A cookie rides along with any page's websocket: only our own pages may use it.
    const origin = request.headers.origin;
    if (presented.via === 'cookie' && (!origin || !isOwnOrigin(origin, request, this.config))) {
      if (origin) this.log.warn(`collab connection refused: ${originRefusal(origin, this.config)}`);
      return { ok: false, closeCode: CLOSE_FORBIDDEN, reason: 'origin not allowed' };
    }
    const sessionTokenHash = this.sessions.hash(presented.token);
    const [standing] = await this.access.resolve<LocatedPlan>('plan', [
      { who: { sessionTokenHash }, id: planId },
    ]);
    if (!standing.person?.enabled)
      return { ok: false, closeCode: CLOSE_NOT_AUTHENTICATED, reason: 'session missing or ended' };
    const rights = this.rights(standing);
    if (!rights) return { ok: false, closeCode: CLOSE_NOT_FOUND, reason: 'unknown document' };
    if (!rights.read) return { ok: false, closeCode: CLOSE_FORBIDDEN, reason: 'not allowed' };
    const grant: CollabGrant = {
      userId: standing.person.userId,
      name: standing.person.name,
      sessionTokenHash,
      docName,
      canEdit: rights.edit,
      decidedAt: decision(standing),
    };
    return { ok: true, grant };
  }

  async recheck(grants: readonly CollabGrant[]): Promise<AccessVerdict[]> {
    const standings = await this.access.resolve<LocatedPlan>(
      'plan',
      grants.map((g) => ({
        who: { sessionTokenHash: g.sessionTokenHash },
        id: planIdOfDocument(g.docName) ?? '',
      })),
    );
    return standings.map((s, i) => {
      // A session belongs to one person for good; the check on the id is belt and braces.
      if (!s.person?.enabled || s.person.userId !== grants[i].userId) return null;
      const rights = this.rights(s);
      return rights?.read ? { canEdit: rights.edit, decidedAt: decision(s) } : null;
    });
  }

  currentEpoch(): Promise<number> {
    return this.access.currentEpoch();
  }

  /** The person's rights on the plan; null when the plan does not exist. */
  private rights(s: Resolution<LocatedPlan>) {
    return s.resource && planRights(planStanding(s.standing), s.resource.status);
  }

  /** `?token=` for non-browser clients, else the session cookie. */
  private presentedToken(
    request: IncomingMessage,
  ): { token: string; via: 'bearer' | 'cookie' } | null {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('token');
    if (token) return { token, via: 'bearer' };
    const cookie = request.headers.cookie
      ? parseCookies(request.headers.cookie)[SESSION_COOKIE]
      : undefined;
    return cookie ? { token: cookie, via: 'cookie' } : null;
  }
}
