import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { HealthModule } from './health/health.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AccessModule } from './access/access.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { PairingsModule } from './pairings/pairings.module.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { MailModule } from './mail/mail.module.js';
import { DemoModule } from './demo/demo.module.js';
import { PlansModule } from './plans/plans.module.js';
import { DiscussionsModule } from './discussions/discussions.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { LibraryModule } from './library/library.module.js';
import { FilesModule } from './files/files.module.js';
import { SearchModule } from './search/search.module.js';
import { SearchSourcesModule } from './search/search-sources.module.js';

@Module({})
export class AppModule {
  /** The application around an already opened (and migrated) data source. */
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        HealthModule,
        EventsModule,
        SearchSourcesModule,
        JobsModule,
        MailModule,
        AccessModule,
        AuthModule,
        DirectoryModule,
        PairingsModule,
        InvitationsModule,
        DemoModule,
        PlansModule,
        DiscussionsModule,
        NotificationsModule,
        LibraryModule,
        FilesModule,
        SearchModule,
      ],
    };
  }
}

export { APP_CONFIG };
