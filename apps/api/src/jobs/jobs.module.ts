import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.js';

/** Background jobs on PostgreSQL (pg-boss), for any module: `JobQueue.send` and `JobQueue.work`. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
