import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';
import { InvitationEntity } from './invitation.entity.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';
import { LoginFailureEntity } from './login-failure.entity.js';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordCheckGate } from './password-check-gate.js';
import { SessionEntity } from './session.entity.js';
import { SessionGuard } from './session.guard.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** Accounts, sessions (and the global session guard), login rate limit, invitations. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, SessionEntity, LoginFailureEntity, InvitationEntity]),
    MailModule,
  ],
  controllers: [AuthController, InvitationsController, AdminUsersController],
  providers: [
    UsersRepository,
    UsersService,
    SessionsRepository,
    SessionsService,
    LoginFailuresRepository,
    LoginThrottle,
    PasswordCheckGate,
    AuthService,
    InvitationsRepository,
    InvitationsService,
    InvitationAcceptanceService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionsService, UsersService],
})
export class AuthModule {}
