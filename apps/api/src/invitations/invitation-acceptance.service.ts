import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  mayHoldPairingRole,
  membershipChange,
  needsConfirmation,
  type AcceptInvitationRequest,
  type AcceptInvitationResponse,
  type InvitationPreviewDto,
  type MembershipChange,
  type MembershipChangeDto,
  type MembershipPlace,
} from '@iuc/domain';
import { codedError } from '../common/coded-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Actor } from '../access/actor.js';
import { AuthService } from '../auth/auth.service.js';
import type { ClientInfo } from '../auth/client-info.js';
import type { InvitationEntity } from './invitation.entity.js';
import { InvitationsRepository } from './invitations.repository.js';
import { titleOf, type PairingAuthority } from '../pairings/pairing-cities.js';
import { PairingsService } from '../pairings/pairings.service.js';
import { hashPassword } from '../auth/login/password.js';
import { keyedHash } from '../auth/sessions/tokens.js';
import type { UserEntity } from '../auth/users/user.entity.js';
import { UsersService } from '../auth/users/users.service.js';
import { MembershipsService } from '../pairings/memberships.service.js';

/** One answer for unknown, expired and used tokens. */
const NO_SUCH_INVITATION = 'This invitation does not exist, has expired or has already been used.';
const CHANGED_MEANWHILE =
  'Your account or your membership in this pairing changed meanwhile; open the invitation again to see what accepting does now.';

/**
 * Accepting invitations. The token proves only that someone read mail sent to the address: it
 * creates an account that does not exist yet, but never signs anyone in to one that does. An
 * existing account accepts signed in as itself, and confirms any change that takes something away.
 */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly memberships: MembershipsService,
    private readonly pairings: PairingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the invitee sees before accepting; signed in as the invitee, also what would change. */
  async preview(token: string, actor: Actor | null): Promise<InvitationPreviewDto> {
    const invitation = await this.pending(token);
    const [authorities, user] = await Promise.all([
      this.pairings.cities(invitation.pairingId),
      this.users.findByEmail(invitation.email),
    ]);
    // Staff see no change: they cannot accept (the page tells them so).
    const asInvitee =
      user !== null && actor?.userId === user.id && mayHoldPairingRole(user.programmeRole);
    const change = asInvitee ? await this.changeFor(user, invitation) : null;
    return {
      email: invitation.email,
      name: invitation.name,
      pairingTitle: titleOf(authorities),
      role: invitation.role,
      city: cityName(authorities, invitation.authorityId),
      expiresAt: invitation.expiresAt.toISOString(),
      hasAccount: user !== null,
      change: change && toChangeDto(change, authorities),
    };
  }

  async accept(
    input: AcceptInvitationRequest,
    actor: Actor | null,
    client: ClientInfo,
  ): Promise<AcceptInvitationResponse> {
    const invitation = await this.pending(input.token);
    const user = await this.users.findByEmail(invitation.email);
    if (user?.disabledAt)
      throw new ForbiddenException(
        'This account is disabled; ask the programme team to enable it.',
      );
    if (actor && actor.userId !== user?.id) {
      throw new ForbiddenException(
        codedError(
          'invitation.other_account',
          `This invitation is for ${invitation.email}, and you are signed in as ${actor.email}. Sign out, then open the link again.`,
        ),
      );
    }
    return user
      ? this.acceptAsMember(invitation, user, actor, input.confirmChange === true)
      : this.acceptWithNewAccount(invitation, input, client);
  }

  private async acceptAsMember(
    invitation: InvitationEntity,
    user: UserEntity,
    actor: Actor | null,
    confirmed: boolean,
  ): Promise<AcceptInvitationResponse> {
    if (!actor) {
      throw new UnauthorizedException(
        codedError(
          'invitation.sign_in_required',
          `${invitation.email} already has an account: sign in to it, then open the invitation link again to accept.`,
        ),
      );
    }
    if (!mayHoldPairingRole(user.programmeRole)) {
      throw new ForbiddenException(
        codedError(
          'invitation.staff_account',
          "Programme staff review the pairings' plans and hold no role inside a pairing, so a staff account cannot accept this invitation.",
        ),
      );
    }
    const change = await this.changeFor(user, invitation);
    if (needsConfirmation(change.kind) && !confirmed) {
      throw new ConflictException(
        codedError(
          'invitation.confirm_change',
          'Accepting would lower or move your membership in this pairing: look at the change, then accept again with confirmChange: true.',
        ),
      );
    }
    const redeemed = await this.invitations.redeem(
      invitation,
      { userId: user.id, expected: change.current },
      change.next,
    );
    this.throwUnlessRedeemed(redeemed);
    return {
      pairingId: invitation.pairingId,
      user: await this.users.toDto(user.id),
      session: null,
    };
  }

  private async acceptWithNewAccount(
    invitation: InvitationEntity,
    input: AcceptInvitationRequest,
    client: ClientInfo,
  ): Promise<AcceptInvitationResponse> {
    if (!input.password)
      throw new BadRequestException([
        'password must be at least 8 characters long to create the account',
      ]);
    const newAccount = {
      name: input.name ?? invitation.name,
      passwordHash: await hashPassword(input.password),
    };
    const place = { role: invitation.role, authorityId: invitation.authorityId };
    const redeemed = await this.invitations.redeem(invitation, { newAccount }, place);
    this.throwUnlessRedeemed(redeemed);
    const { user, token, csrfToken } = await this.auth.startSession(redeemed.userId, client);
    return { pairingId: invitation.pairingId, user, session: { token, csrfToken } };
  }

  private async changeFor(
    user: UserEntity,
    invitation: InvitationEntity,
  ): Promise<MembershipChange> {
    const current = await this.memberships.place(user.id, invitation.pairingId);
    return membershipChange(current, {
      role: invitation.role,
      authorityId: invitation.authorityId,
    });
  }

  private throwUnlessRedeemed(
    redeemed: { userId: string } | 'gone' | 'changed',
  ): asserts redeemed is { userId: string } {
    if (redeemed === 'gone') throw new NotFoundException(NO_SUCH_INVITATION);
    if (redeemed === 'changed') throw new ConflictException(CHANGED_MEANWHILE);
  }

  private async pending(token: string): Promise<InvitationEntity> {
    const invitation = await this.invitations.findPending(
      keyedHash(this.config.sessionSecret, token),
    );
    if (!invitation) throw new NotFoundException(NO_SUCH_INVITATION);
    return invitation;
  }
}

function cityName(authorities: PairingAuthority[], authorityId: string | null): string | null {
  return authorities.find((a) => a.id === authorityId)?.name ?? null;
}

function toChangeDto(
  change: MembershipChange,
  authorities: PairingAuthority[],
): MembershipChangeDto {
  const place = (p: MembershipPlace) => ({ ...p, city: cityName(authorities, p.authorityId) });
  return {
    kind: change.kind,
    current: change.current && place(change.current),
    next: place(change.next),
    needsConfirmation: needsConfirmation(change.kind),
  };
}
