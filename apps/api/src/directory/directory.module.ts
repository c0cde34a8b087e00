import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorityEntity } from './authority.entity.js';
import { AuthorityRepository } from './authority.repository.js';
import { AuthoritySearchSource } from './authority.search-source.js';
import { DirectoryController } from './directory.controller.js';
import { DirectoryService } from './directory.service.js';
import { MunicipalityGroupEntity } from './municipality-group.entity.js';
import { MunicipalityGroupRepository } from './municipality-group.repository.js';

/** Local authorities, municipality groups and eligibility; other modules use DirectoryService. */
@Module({
  imports: [TypeOrmModule.forFeature([AuthorityEntity, MunicipalityGroupEntity])],
  controllers: [DirectoryController],
  providers: [
    AuthorityRepository,
    MunicipalityGroupRepository,
    DirectoryService,
    AuthoritySearchSource,
  ],
  exports: [DirectoryService],
})
export class DirectoryModule {}
