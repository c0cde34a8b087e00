import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { UploadsService } from './uploads.service.js';

const EVERY_MS = 10 * 60_000;

/** Runs the expiry sweep of stale uploads at start and every ten minutes. */
@Injectable()
export class UploadSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('UploadSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly uploads: UploadsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.run(), EVERY_MS);
    this.timer.unref();
    this.run();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private run(): void {
    if (this.running) return;
    this.running = this.uploads
      .sweep()
      .then((n) => {
        if (n > 0) this.log.log(`Deleted ${n} expired upload(s)`);
      })
      .catch((err: Error) => this.log.error(`Upload sweep failed: ${err.stack ?? err.message}`))
      .finally(() => {
        this.running = null;
      });
  }
}
