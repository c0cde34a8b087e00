import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
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
  type CreateInvitationRequest,
  type InvitationDto,
  type InvitationPreviewDto,
  type PairingRole,
} from '@iuc/domain';
import { Trim } from './trim.js';

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
    description: "One of the pairing's authorities (the city side).",
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

export class InvitationPreviewDoc implements InvitationPreviewDto {
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() pairingTitle: string;
  @ApiProperty({ enum: PAIRING_ROLES }) role: PairingRole;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'The email already has an account: no password needed to accept.' })
  hasAccount: boolean;
}
