/** Response schema: for the OpenAPI document only. */
import { ApiProperty } from '@nestjs/swagger';
import type { DemoAccountDto } from '@iuc/domain';

export class DemoAccountDoc implements DemoAccountDto {
  @ApiProperty({ example: 'coordinator.malaga@demo.iuc.test' }) email: string;
  @ApiProperty({ example: 'Lucía Ortega (Málaga)' }) name: string;
  @ApiProperty({ enum: ['admin', 'officer', 'coordinator', 'viewer'] })
  role: DemoAccountDto['role'];
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Málaga',
    description: "The coordinator's authority.",
  })
  authority: string | null;
  @ApiProperty({ type: [String], description: 'Pairings the account is a member of.' })
  pairingIds: string[];
}
