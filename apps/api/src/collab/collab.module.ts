import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COLLAB_ACCESS, type CollabAccess } from './collab-access.js';
import { CollabServer } from './collab.server.js';
import { CollabSnapshotEntity } from './collab-snapshot.entity.js';
import { CollabUpdateEntity } from './collab-update.entity.js';
import { DOCUMENT_OBSERVERS, type DocumentObserver } from './document-observer.js';
import { UpdateLogRepository } from './update-log.repository.js';
import { COLLAB_FANOUT, LocalFanout, RedisFanout } from './fanout.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export interface CollabModuleOptions {
  /** Modules that provide the access and observer classes. */
  imports: ModuleMetadata['imports'];
  access: Type<CollabAccess>;
  observers: Type<DocumentObserver>[];
}

/** The sync server, configured by the module that owns the documents (plans). */
@Module({})
export class CollabModule {
  static register(options: CollabModuleOptions): DynamicModule {
    return {
      module: CollabModule,
      imports: [
        TypeOrmModule.forFeature([CollabUpdateEntity, CollabSnapshotEntity]),
        ...(options.imports ?? []),
      ],
      providers: [
        UpdateLogRepository,
        CollabServer,
        {
          provide: COLLAB_FANOUT,
          useFactory: (config: AppConfig) =>
            config.redisUrl ? new RedisFanout(config.redisUrl) : new LocalFanout(),
          inject: [APP_CONFIG],
        },
        { provide: COLLAB_ACCESS, useExisting: options.access },
        {
          provide: DOCUMENT_OBSERVERS,
          useFactory: (...observers: DocumentObserver[]) => observers,
          inject: options.observers,
        },
      ],
      exports: [CollabServer, UpdateLogRepository],
    };
  }
}
