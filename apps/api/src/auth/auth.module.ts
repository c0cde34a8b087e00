import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module.js';
import { AdminUsersController } from './users/admin-users.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginFailureEntity } from './login/login-failure.entity.js';
import { LoginFailuresRepository } from './login/login-failures.repository.js';
import { LoginThrottle } from './login/login-throttle.service.js';
import { PasswordCheckGate } from './login/password-check-gate.js';
import { SessionEntity } from './sessions/session.entity.js';
import { SessionGuard } from './sessions/session.guard.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { UserEntity } from './users/user.entity.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';

/** Accounts, sessions (and the global session guard), login rate limit. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, LoginFailureEntity]), MailModule],
  controllers: [AuthController, AdminUsersController],
  providers: [
    UsersRepository,
    UsersService,
    SessionsRepository,
    SessionsService,
    LoginFailuresRepository,
    LoginThrottle,
    PasswordCheckGate,
    AuthService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionsService, UsersService, AuthService],
})
export class AuthModule {}
