import { Module } from '@nestjs/common';
import { PairingsModule } from '../pairings/pairings.module.js';
import { DemoAccountsService } from './demo-accounts.service.js';
import { DemoController } from './demo.controller.js';

/** Demo mode's public list of demo accounts. */
@Module({
  imports: [PairingsModule],
  controllers: [DemoController],
  providers: [DemoAccountsService],
})
export class DemoModule {}
