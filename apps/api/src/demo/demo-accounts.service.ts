import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DemoAccountDto } from '@iuc/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { demoData } from './seed/demo-data.js';
import { PairingsService } from '../pairings/pairings.service.js';

/** The seeded demo accounts, so the sign-in page can offer them. Exists only in demo mode. */
@Injectable()
export class DemoAccountsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pairings: PairingsService,
  ) {}

  async list(): Promise<DemoAccountDto[]> {
    if (!this.config.demo) throw new NotFoundException('Demo mode is off on this server.');
    const data = demoData();
    const nameOf = new Map(data.authorities.map((a) => [a.slug, a.name]));
    const pairingIds = await this.pairings.idsBySlug(data.pairings.map((p) => p.slug));
    return data.accounts.map((account) => {
      // A demo account has one role: its programme role, or the same role in each of its pairings.
      const authority = account.memberships.find((m) => m.authority)?.authority;
      return {
        email: account.email,
        name: account.name,
        role: account.programmeRole ?? account.memberships[0].role,
        authority: authority ? (nameOf.get(authority) ?? null) : null,
        pairingIds: account.memberships
          .map((m) => pairingIds.get(m.pairing))
          .filter((id): id is string => id !== undefined),
      };
    });
  }
}
