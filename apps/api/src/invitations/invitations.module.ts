import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PairingsModule } from '../pairings/pairings.module.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';
import { InvitationEntity } from './invitation.entity.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';

/**
 * Invitations into a pairing: sent by its coordinators and programme staff, accepted through a
 * link (creating the account when needed). Memberships are written through pairings.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity]), AuthModule, MailModule, PairingsModule],
  controllers: [InvitationsController],
  providers: [InvitationsRepository, InvitationsService, InvitationAcceptanceService],
})
export class InvitationsModule {}
