import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { In, type Repository } from 'typeorm';
import { MunicipalityGroupEntity } from './municipality-group.entity.js';

/** Municipality groups, always with their lead and members. */
@Injectable()
export class MunicipalityGroupRepository {
  constructor(
    @InjectRepository(MunicipalityGroupEntity)
    private readonly groups: Repository<MunicipalityGroupEntity>,
  ) {}

  findAll(): Promise<MunicipalityGroupEntity[]> {
    return this.groups.find({
      relations: { leadAuthority: true, members: true },
      order: { name: 'ASC' },
    });
  }

  /** Null for an unknown id, including one that is not a uuid (it cannot exist). */
  findById(id: string): Promise<MunicipalityGroupEntity | null> {
    if (!isUUID(id)) return Promise.resolve(null);
    return this.groups.findOne({
      where: { id },
      relations: { leadAuthority: true, members: true },
    });
  }

  findByIds(ids: readonly string[]): Promise<MunicipalityGroupEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.groups.find({
      where: { id: In([...ids]) },
      relations: { leadAuthority: true, members: true },
    });
  }
}
