import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  PAIRING_ROLES,
  type AcceptInvitationRequest,
  type AcceptInvitationResponse,
  type CreateInvitationRequest,
  type InvitationDto,
  type InvitationPreviewDto,
  type MembershipChangeDto,
  type MembershipChangeKind,
  type MembershipPlaceDto,
  type PairingRole,
  type UserDto,
} from '@iuc/domain';
import { UserDoc } from '../../auth/dto/auth.dto.js';
import { Trim } from '../../auth/dto/trim.js';

export class CreateInvitationBody implements CreateInvitationRequest {
  @ApiProperty({ example: 'maria@example.org' })
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'María Pérez' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PAIRING_ROLES })
  @IsIn(PAIRING_ROLES)
  role: PairingRole;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      "One of the pairing's authorities (the city side). A city's coordinator may name only their own (and invites to it when naming none); programme staff choose any, or none for the whole pairing.",
  })
  @IsOptional()
  @IsUUID()
  authorityId?: string | null;
}

export class AcceptInvitationBody implements AcceptInvitationRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiPropertyOptional({
    format: 'password',
    minLength: 8,
    maxLength: 200,
    description: 'Required when accepting creates the account.',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({
    description: "The new account's name; defaults to the name on the invitation.",
  })
  @Trim()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    description:
      "The invitee agrees that accepting lowers their role or moves them to another city's side (the preview's change.needsConfirmation).",
  })
  @IsOptional()
  @IsBoolean()
  confirmChange?: boolean;
}

export class InvitationDoc implements InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) pairingId: string;
  @ApiProperty({ enum: PAIRING_ROLES }) role: PairingRole;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorityId: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acceptedAt: string | null;
}

const CHANGE_KINDS: MembershipChangeKind[] = ['join', 'same', 'raise', 'lower', 'move'];

export class MembershipPlaceDoc implements MembershipPlaceDto {
  @ApiProperty({ enum: PAIRING_ROLES }) role: PairingRole;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorityId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The side's city; null: the whole pairing.",
  })
  city: string | null;
}

export class MembershipChangeDoc implements MembershipChangeDto {
  @ApiProperty({ enum: CHANGE_KINDS }) kind: MembershipChangeDto['kind'];
  @ApiProperty({ type: MembershipPlaceDoc, nullable: true }) current: MembershipPlaceDto | null;
  @ApiProperty({ type: MembershipPlaceDoc }) next: MembershipPlaceDto;
  @ApiProperty({ description: 'Accepting needs confirmChange: true (lower or move).' })
  needsConfirmation: boolean;
}

export class InvitationPreviewDoc implements InvitationPreviewDto {
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() pairingTitle: string;
  @ApiProperty({ enum: PAIRING_ROLES }) role: PairingRole;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The side's city; null: the whole pairing.",
  })
  city: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({
    description: 'The email already has an account: accepting needs signing in as it first.',
  })
  hasAccount: boolean;
  @ApiProperty({
    type: MembershipChangeDoc,
    nullable: true,
    description: 'Only to the invitee, signed in: what accepting does to their membership.',
  })
  change: MembershipChangeDto | null;
}

class AcceptedSessionDoc {
  @ApiProperty() token: string;
  @ApiProperty() csrfToken: string;
}

export class AcceptInvitationDoc implements AcceptInvitationResponse {
  @ApiProperty({ format: 'uuid' }) pairingId: string;
  @ApiProperty({ type: UserDoc }) user: UserDto;
  @ApiProperty({
    type: AcceptedSessionDoc,
    nullable: true,
    description: "The new account's session (the cookie is set too); null for an existing account.",
  })
  session: { token: string; csrfToken: string } | null;
}
