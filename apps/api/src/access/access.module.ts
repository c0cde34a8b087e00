import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AccessRepository } from './access.repository.js';
import { AccessService } from './access.service.js';
import type { ResourceLocator } from './resource-locator.js';

/** `AccessService`: available to every module. */
@Global()
@Module({ providers: [AccessRepository, AccessService], exports: [AccessService] })
export class AccessModule {}

/**
 * Registers a module's locators with the access service as the module starts:
 * `imports: [AccessLocators.register(PLAN_LOCATOR)]` in the module that owns plans.
 */
@Module({})
export class AccessLocators {
  static register(...locators: ResourceLocator[]): DynamicModule {
    return {
      module: AccessLocators,
      providers: [
        {
          provide: `access-locators:${locators.map((l) => l.kind).join(',')}`,
          inject: [AccessService],
          useFactory: (access: AccessService) => locators.forEach((l) => access.register(l)),
        },
      ],
    };
  }
}
