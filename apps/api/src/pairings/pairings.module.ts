import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '../directory/directory.module.js';
import { MembershipEntity } from './membership.entity.js';
import { PairingEntity } from './pairing.entity.js';
import { PairingsController } from './pairings.controller.js';
import { PairingsRepository } from './pairings.repository.js';
import { PairingsService } from './pairings.service.js';

/** Pairings and their memberships; other modules use PairingsService. */
@Module({
  imports: [TypeOrmModule.forFeature([PairingEntity, MembershipEntity]), DirectoryModule],
  controllers: [PairingsController],
  providers: [PairingsRepository, PairingsService],
  exports: [PairingsService],
})
export class PairingsModule {}
