import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DemoAccountDto } from '@iuc/domain';
import { Public } from '../access/actor.js';
import { ApiErrorDoc } from '../common/api-docs.js';
import { DemoAccountsService } from './demo-accounts.service.js';
import { DemoAccountDoc } from './dto/demo-account.docs.js';

@ApiTags('demo')
@Controller('demo')
export class DemoController {
  constructor(private readonly accounts: DemoAccountsService) {}

  @Public()
  @Get('accounts')
  @ApiOperation({
    summary: 'The demo accounts (they all use the demo password). Only in demo mode.',
  })
  @ApiOkResponse({ type: [DemoAccountDoc] })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: 'Demo mode is off.' })
  list(): Promise<DemoAccountDto[]> {
    return this.accounts.list();
  }
}
