import { ApiProperty } from '@nestjs/swagger';
import type { UserRefDto } from '@iuc/domain';

/** The OpenAPI shape of a person named in a response (an author, a notification's actor). */
export class UserRefDoc implements UserRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Lucía Ortega' }) name: string;
}
