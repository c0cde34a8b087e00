import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { PlanEntity } from './plan.entity.js';

@Injectable()
export class PlansRepository {
  constructor(@InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>) {}

  findById(id: string): Promise<PlanEntity | null> {
    return this.plans.findOneBy({ id });
  }

  findByPairing(pairingId: string): Promise<PlanEntity[]> {
    return this.plans.find({ where: { pairingId }, order: { createdAt: 'ASC' } });
  }
}
