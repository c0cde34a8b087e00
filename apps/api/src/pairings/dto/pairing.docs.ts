/** Response schemas: for the OpenAPI document only; the service returns the @iuc/domain types. */
import { ApiProperty } from '@nestjs/swagger';
import {
  PAIRING_ROLES,
  PAIRING_SIDES,
  PAIRING_STATUSES,
  THEMES,
  WORLD_REGIONS,
  type AuthorityDto,
  type AuthoritySummaryDto,
  type MunicipalityGroupDto,
  type PairingDetailDto,
  type PairingMemberDto,
  type PairingRole,
  type PairingSide,
  type PairingSideDto,
  type PairingStatus,
  type PairingSummaryDto,
  type ThemeCode,
  type WorldRegionCode,
} from '@iuc/domain';
import {
  AuthorityDoc,
  AuthoritySummaryDoc,
  MunicipalityGroupDoc,
} from '../../directory/dto/directory.docs.js';

export class PairingSummaryDoc implements PairingSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Belfast – Medellín, Santiago de Cali' }) title: string;
  @ApiProperty({ example: '2017' }) callCode: string;
  @ApiProperty({ enum: THEMES, isArray: true }) themes: ThemeCode[];
  @ApiProperty({ enum: PAIRING_STATUSES }) status: PairingStatus;
  @ApiProperty({ enum: WORLD_REGIONS, description: "The partner side's world region." })
  region: WorldRegionCode;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ example: 18 }) termMonths: number;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'startDate + termMonths.',
  })
  endDate: string | null;
  @ApiProperty({ type: [AuthoritySummaryDoc] }) eu: AuthoritySummaryDto[];
  @ApiProperty({ type: [AuthoritySummaryDoc] }) partner: AuthoritySummaryDto[];
}

export class PairingSideDoc implements PairingSideDto {
  @ApiProperty({ enum: PAIRING_SIDES }) side: PairingSide;
  @ApiProperty({ type: [AuthorityDoc] }) authorities: AuthorityDto[];
  @ApiProperty({ type: MunicipalityGroupDoc, nullable: true }) group: MunicipalityGroupDto | null;
}

export class PairingMemberDoc implements PairingMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Only for the pairing's members and programme staff.",
  })
  email: string | null;
  @ApiProperty({ enum: PAIRING_ROLES }) role: PairingRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorityId: string | null;
}

export class PairingPermissionsDoc {
  @ApiProperty() invite: boolean;
  @ApiProperty() manage: boolean;
  @ApiProperty({ enum: PAIRING_ROLES, isArray: true }) grantableRoles: PairingRole[];
}

export class PairingDetailDoc extends PairingSummaryDoc implements PairingDetailDto {
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: [PairingSideDoc] }) sides: PairingSideDto[];
  @ApiProperty({ type: [PairingMemberDoc] }) members: PairingMemberDto[];
  @ApiProperty({
    type: PairingPermissionsDoc,
    description: 'What the signed-in person may do here.',
  })
  permissions: PairingDetailDto['permissions'];
}
