import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Response } from 'express';
import type { HealthDto } from '@iuc/domain';
import { Public } from '../access/actor.js';
import { APP_VERSION } from '../common/version.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and database reachability; 503 when the database does not answer. */
  @Public()
  @Get()
  @HttpCode(200)
  @ApiOkResponse({ description: '{ status, database, version }' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    let database: HealthDto['database'] = 'up';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'down';
    }
    if (database === 'down') res.status(503);
    return { status: database === 'up' ? 'ok' : 'error', database, version: APP_VERSION };
  }
}
