import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  grantableRoles,
  mayHoldPairingRole,
  type CreateInvitationRequest,
  type InvitationDto,
  type MembershipPlace,
} from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import { codedError } from '../common/coded-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { MAIL_TRANSPORT, type MailTransport } from '../mail/mail-transport.js';
import type { Actor } from '../access/actor.js';
import { normalizeEmail } from '../auth/email.js';
import { MembershipsService } from '../pairings/memberships.service.js';
import { PairingsService } from '../pairings/pairings.service.js';
import { invitationMail } from './invitation-mail.js';
import type { InvitationEntity } from './invitation.entity.js';
import { InvitationsRepository } from './invitations.repository.js';
import { keyedHash, randomToken } from '../auth/sessions/tokens.js';
import { UsersService } from '../auth/users/users.service.js';

export const INVITATION_TTL_DAYS = 14;

/** Making invitations: who may invite whom, to which side, and the mail with the link. */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly memberships: MembershipsService,
    private readonly pairings: PairingsService,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Invites someone into a pairing and mails them the link; the token exists only in that mail. */
  async create(
    actor: Actor,
    pairingId: string,
    input: CreateInvitationRequest,
  ): Promise<InvitationDto> {
    await this.access.require(actor, 'pairing.invite', 'pairing', [pairingId]);
    const own = await this.memberships.place(actor.userId, pairingId);
    const standing = { programmeRole: actor.programmeRole, pairingRole: own?.role ?? null };
    if (!grantableRoles(standing).includes(input.role)) {
      throw new ForbiddenException(`You may not invite someone as ${input.role} in this pairing.`);
    }
    const authorityId = invitedSide(actor, own, input.authorityId ?? null);
    if (authorityId && !(await this.pairings.hasCity(pairingId, authorityId))) {
      throw new BadRequestException(["authorityId must be one of the pairing's authorities"]);
    }
    const email = normalizeEmail(input.email);
    const invitee = await this.users.findByEmail(email);
    if (invitee && !mayHoldPairingRole(invitee.programmeRole)) {
      throw new ConflictException(
        codedError(
          'invitation.staff_account',
          `${email} is a programme staff account: staff review the pairings' plans and hold no role inside a pairing.`,
        ),
      );
    }
    const token = randomToken();
    const invitation = await this.invitations.insert({
      tokenHash: keyedHash(this.config.sessionSecret, token),
      email,
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
          pairingTitle: await this.pairings.title(pairingId),
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

  /** The pairing's pending invitations; the route's guard has checked 'pairing.invite' on it. */
  async listPending(pairingId: string): Promise<InvitationDto[]> {
    return (await this.invitations.pendingForPairing(pairingId)).map(toDto);
  }
}

/**
 * The side an invitation is for. Programme staff choose any (or the whole pairing); a city's
 * coordinator invites to their own city's side only, which is also the side when they name none.
 */
function invitedSide(
  actor: Actor,
  own: MembershipPlace | null,
  requested: string | null,
): string | null {
  if (actor.programmeRole) return requested;
  const side = own?.authorityId ?? null;
  if (requested !== null && requested !== side) {
    throw new ForbiddenException(
      codedError(
        'invitation.own_side_only',
        "You may invite people only to your own city's side of the pairing. The other city's coordinator or the programme team invite to theirs.",
      ),
    );
  }
  return side;
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
