import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { LibraryModule } from '../library/library.module.js';
import { PairingsModule } from '../pairings/pairings.module.js';
import { DemoAccountsService } from './demo-accounts.service.js';
import { DemoController } from './demo.controller.js';
import { LibraryStarter } from './library-starter.js';

/** Demo mode's public list of demo accounts, and the demo library (written at start). */
@Module({
  imports: [PairingsModule, FilesModule, LibraryModule],
  controllers: [DemoController],
  providers: [DemoAccountsService, LibraryStarter],
})
export class DemoModule {}
