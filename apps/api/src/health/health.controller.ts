import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthDto } from '@iuc/domain';
import { Public } from '../access/actor.js';
import { APP_VERSION } from '../common/version.js';
import { HealthRepository } from './health.repository.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly repository: HealthRepository) {}

  /** Liveness and database reachability; 503 when the database does not answer. */
  @Public()
  @Get()
  @HttpCode(200)
  @ApiOkResponse({ description: '{ status, database, version }' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const database: HealthDto['database'] = (await this.repository.databaseAnswers())
      ? 'up'
      : 'down';
    if (database === 'down') res.status(503);
    return { status: database === 'up' ? 'ok' : 'error', database, version: APP_VERSION };
  }
}
