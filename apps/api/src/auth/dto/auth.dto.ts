import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  PAIRING_ROLES,
  PROGRAMME_ROLES,
  type LoginRequest,
  type MeResponse,
  type MembershipDto,
  type PairingRole,
  type ProgrammeRole,
  type SessionResponse,
  type UserDto,
} from '@iuc/domain';

export class LoginBody implements LoginRequest {
  // Not @IsEmail: a malformed address is just another wrong email (401), not a hint.
  @ApiProperty({ example: 'coordinator@example.org' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

/** Response schemas: for the OpenAPI document only; services return the @iuc/domain types. */
export class MembershipDoc implements MembershipDto {
  @ApiProperty({ format: 'uuid' }) pairingId: string;
  @ApiProperty({ enum: PAIRING_ROLES }) role: PairingRole;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorityId: string | null;
}

export class UserDoc implements UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROGRAMME_ROLES, nullable: true }) programmeRole: ProgrammeRole | null;
  @ApiProperty({ example: 'en' }) locale: string;
  @ApiProperty({ type: [MembershipDoc] }) memberships: MembershipDto[];
}

export class SessionResponseDoc implements SessionResponse {
  @ApiProperty({ type: UserDoc }) user: UserDto;
  @ApiProperty({
    description: 'Bearer token for API clients; browsers use the httpOnly iuc_session cookie.',
  })
  token: string;
  @ApiProperty({ description: 'Send as X-CSRF-Token with every cookie-authenticated mutation.' })
  csrfToken: string;
}

export class MeResponseDoc implements MeResponse {
  @ApiProperty({ type: UserDoc }) user: UserDto;
  @ApiProperty() csrfToken: string;
}
