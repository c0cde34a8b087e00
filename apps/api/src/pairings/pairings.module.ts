import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLocators } from '../access/access.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { MembershipEntity } from './membership.entity.js';
import { MembershipsRepository } from './memberships.repository.js';
import { MembershipsService } from './memberships.service.js';
import { PAIRING_LOCATOR } from './pairing.locator.js';
import { PairingEntity } from './pairing.entity.js';
import { PairingsController } from './pairings.controller.js';
import { PairingsRepository } from './pairings.repository.js';
import { PairingsService } from './pairings.service.js';
import { PairingSearchSource } from './pairing.search-source.js';
import { PersonSearchSource } from './person.search-source.js';

/**
 * Pairings and their memberships (the only writer of `memberships`); other modules use
 * PairingsService and MembershipsService. Registers the pairing with the access service, and
 * pairings and people with search.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PairingEntity, MembershipEntity]),
    AuthModule,
    DirectoryModule,
    AccessLocators.register(PAIRING_LOCATOR),
  ],
  controllers: [PairingsController],
  providers: [
    PairingsRepository,
    PairingsService,
    MembershipsRepository,
    MembershipsService,
    PairingSearchSource,
    PersonSearchSource,
  ],
  exports: [PairingsService, MembershipsService],
})
export class PairingsModule {}
