/** Response schemas: for the OpenAPI document only; the service returns the @iuc/domain types. */
import { ApiProperty } from '@nestjs/swagger';
import {
  AUTHORITY_KINDS,
  WORLD_REGIONS,
  type AuthorityDto,
  type AuthorityKind,
  type AuthoritySummaryDto,
  type MunicipalityGroupDto,
  type PopulationDto,
  type Reason,
  type ReasonCode,
  type Verdict,
  type WorldRegionCode,
} from '@iuc/domain';

export class PopulationDoc implements PopulationDto {
  @ApiProperty({ example: 569000 }) value: number;
  @ApiProperty({ type: Number, nullable: true, example: 2018 }) year: number | null;
  @ApiProperty({ enum: ['city', 'metro', 'luz', 'group'] }) scope: PopulationDto['scope'];
  @ApiProperty({ type: String, nullable: true, description: 'Where the figure comes from.' })
  source: string | null;
}

export class AuthoritySummaryDoc implements AuthoritySummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Málaga' }) name: string;
  @ApiProperty({ example: 'ES' }) countryIso: string;
}

export class GeoDoc {
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
}

export class AuthorityDoc extends AuthoritySummaryDoc implements AuthorityDto {
  @ApiProperty({ type: String, nullable: true, example: '长春' }) localName: string | null;
  @ApiProperty({ enum: AUTHORITY_KINDS }) kind: AuthorityKind;
  @ApiProperty({
    type: AuthoritySummaryDoc,
    nullable: true,
    description: 'The authority this one lies within.',
  })
  parent: AuthoritySummaryDto | null;
  @ApiProperty({ enum: WORLD_REGIONS }) worldRegion: WorldRegionCode;
  @ApiProperty({
    type: PopulationDoc,
    nullable: true,
    description: 'Null when no source states it.',
  })
  population: PopulationDto | null;
  @ApiProperty({ type: [String], example: ['es'], description: 'BCP-47 codes.' })
  languages: string[];
  @ApiProperty({ example: 'Europe/Madrid' }) timeZone: string;
  @ApiProperty({ type: GeoDoc, nullable: true }) geo: { lat: number; lon: number } | null;
}

export class MunicipalityGroupDoc implements MunicipalityGroupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: AuthoritySummaryDoc }) lead: AuthoritySummaryDto;
  @ApiProperty({ type: [AuthoritySummaryDoc], description: 'Lead first.' })
  members: AuthoritySummaryDto[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Sum of the members' populations; null when one is unknown.",
  })
  combinedPopulation: number | null;
  @ApiProperty({ type: String, nullable: true }) coordinatingBody: string | null;
}

export class ReasonDoc implements Reason {
  @ApiProperty({ example: 'population-meets-threshold' }) code: ReasonCode;
  @ApiProperty() met: boolean;
  @ApiProperty() message: string;
  @ApiProperty({
    required: false,
    type: Object,
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'Values behind the message, for translation.',
  })
  params?: Record<string, string | number>;
}

export class VerdictDoc implements Verdict {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [ReasonDoc], description: 'Every reason the verdict rests on, met or not.' })
  reasons: Reason[];
}
