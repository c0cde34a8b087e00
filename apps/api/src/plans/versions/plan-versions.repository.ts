import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsSelect, Repository } from 'typeorm';
import type { PlanSectionKey, PlanVersionKind } from '@iuc/domain';
import { PlanVersionEntity } from './plan-version.entity.js';

export interface NewPlanVersion {
  planId: string;
  name: string;
  kind: PlanVersionKind;
  state: Uint8Array;
  authorId: string | null;
  restoredFromId?: string | null;
  section?: PlanSectionKey | null;
}

/** Everything but the state (which can be large): what lists and mappers need. */
const LISTED: FindOptionsSelect<PlanVersionEntity> = {
  id: true,
  planId: true,
  name: true,
  kind: true,
  authorId: true,
  restoredFromId: true,
  section: true,
  createdAt: true,
  author: { id: true, name: true },
  restoredFrom: { id: true, name: true },
};
const RELATIONS = { author: true, restoredFrom: true } as const;

@Injectable()
export class PlanVersionsRepository {
  constructor(
    @InjectRepository(PlanVersionEntity) private readonly versions: Repository<PlanVersionEntity>,
  ) {}

  /** Inserts a version (inside `manager`'s transaction when given); returns its id. */
  async insert(version: NewPlanVersion, manager?: EntityManager): Promise<string> {
    const repository = manager ? manager.getRepository(PlanVersionEntity) : this.versions;
    const result = await repository.insert({
      planId: version.planId,
      name: version.name,
      kind: version.kind,
      state: Buffer.from(version.state),
      authorId: version.authorId,
      restoredFromId: version.restoredFromId ?? null,
      section: version.section ?? null,
    });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** A plan's versions, newest first, without their states. */
  list(planId: string): Promise<PlanVersionEntity[]> {
    return this.versions.find({
      where: { planId },
      select: LISTED,
      relations: RELATIONS,
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** One version of the plan (null when it belongs to another plan), without its state. */
  find(planId: string, id: string): Promise<PlanVersionEntity | null> {
    return this.versions.findOne({ where: { planId, id }, select: LISTED, relations: RELATIONS });
  }

  async state(id: string): Promise<Uint8Array> {
    const row = await this.versions.findOneOrFail({
      where: { id },
      select: { id: true, state: true },
    });
    return new Uint8Array(row.state);
  }
}
