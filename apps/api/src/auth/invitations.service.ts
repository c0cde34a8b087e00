import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  grantableRoles,
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type InvitationDto,
  type InvitationPreviewDto,
  type SessionResponse,
} from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { MAIL_TRANSPORT, type MailTransport } from '../mail/mail-transport.js';
import type { Actor } from './actor.js';
import { AuthService } from './auth.service.js';
import type { ClientInfo } from './client-info.js';
import { normalizeEmail } from './email.js';
import { invitationMail } from './invitation-mail.js';
import type { InvitationEntity } from './invitation.entity.js';
import { InvitationsRepository, type NewAccount } from './invitations.repository.js';
import { hashPassword } from './password.js';
import { keyedHash, randomToken } from './tokens.js';
import { UsersService } from './users.service.js';

export const INVITATION_TTL_DAYS = 14;
/** One answer for unknown, expired and used tokens. */
const NO_SUCH_INVITATION = 'This invitation does not exist, has expired or has already been used.';

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly access: AccessService,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Invites someone into a pairing and mails them the link; the token exists only in that mail. */
  async create(
    actor: Actor,
    pairingId: string,
    input: CreateInvitationRequest,
  ): Promise<InvitationDto> {
    await this.access.require(actor, 'pairing.invite', [pairingId]);
    if (!grantableRoles(await this.access.standing(actor, pairingId)).includes(input.role)) {
      throw new ForbiddenException(`You may not invite someone as ${input.role} in this pairing.`);
    }
    const authorityId = input.authorityId ?? null;
    if (authorityId && !(await this.invitations.isPairingAuthority(pairingId, authorityId))) {
      throw new BadRequestException(["authorityId must be one of the pairing's authorities"]);
    }
    const token = randomToken();
    const invitation = await this.invitations.insert({
      tokenHash: this.hash(token),
      email: normalizeEmail(input.email),
      name: input.name,
      pairingId,
      role: input.role,
      authorityId,
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    });
    try {
      await this.mail.send(
        invitationMail({
          to: invitation.email,
          name: invitation.name,
          inviterName: actor.name,
          pairingTitle: await this.invitations.pairingTitle(pairingId),
          role: invitation.role,
          link: `${this.config.publicUrl}/invite/${token}`,
          expiresAt: invitation.expiresAt,
        }),
      );
    } catch (err) {
      // An invitation nobody received is useless: undo it and let the inviter retry.
      await this.invitations.delete(invitation.id);
      this.logger.error(`Invitation mail to ${invitation.email} failed: ${(err as Error).message}`);
      throw new ServiceUnavailableException(
        'The invitation mail could not be sent, so no invitation was made. Try again later.',
      );
    }
    return toDto(invitation);
  }

  async listPending(actor: Actor, pairingId: string): Promise<InvitationDto[]> {
    await this.access.require(actor, 'pairing.invite', [pairingId]);
    return (await this.invitations.pendingForPairing(pairingId)).map(toDto);
  }

  /** What the invitee sees before accepting; the token is the only credential needed. */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.pending(token);
    const [pairingTitle, user] = await Promise.all([
      this.invitations.pairingTitle(invitation.pairingId),
      this.users.findByEmail(invitation.email),
    ]);
    return {
      email: invitation.email,
      name: invitation.name,
      pairingTitle,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      hasAccount: user !== null,
    };
  }

  /**
   * Accepts an invitation and signs the invitee in. The token proves they read mail sent to the
   * address, so an existing account needs nothing more; its password is never changed here.
   */
  async accept(input: AcceptInvitationRequest, client: ClientInfo): Promise<SessionResponse> {
    const invitation = await this.pending(input.token);
    const user = await this.users.findByEmail(invitation.email);
    if (user?.disabledAt)
      throw new ForbiddenException(
        'This account is disabled; ask the programme team to enable it.',
      );
    let newAccount: NewAccount | null = null;
    if (!user) {
      if (!input.password)
        throw new BadRequestException([
          'password must be at least 8 characters long to create the account',
        ]);
      newAccount = {
        name: input.name ?? invitation.name,
        passwordHash: await hashPassword(input.password),
      };
    }
    const userId = await this.invitations.redeem(invitation, newAccount);
    if (!userId) throw new NotFoundException(NO_SUCH_INVITATION); // accepted meanwhile by another request
    return this.auth.startSession(userId, client);
  }

  private async pending(token: string): Promise<InvitationEntity> {
    const invitation = await this.invitations.findPending(this.hash(token));
    if (!invitation) throw new NotFoundException(NO_SUCH_INVITATION);
    return invitation;
  }

  private hash(token: string): string {
    return keyedHash(this.config.sessionSecret, token);
  }
}

function toDto(i: InvitationEntity): InvitationDto {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    pairingId: i.pairingId,
    role: i.role,
    authorityId: i.authorityId,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
  };
}
