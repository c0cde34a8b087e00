import { Injectable, NotFoundException } from '@nestjs/common';
import {
  diffPlanContent,
  PLAN_SECTIONS,
  type PlanSectionKey,
  type PlanVersionDiffDto,
  type PlanVersionDto,
} from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { PlanDocuments, versionContent } from '../documents/plan-documents.js';
import { PlanPolicy } from '../plan.policy.js';
import type { PlanVersionEntity } from './plan-version.entity.js';
import { PlanVersionsRepository } from './plan-versions.repository.js';
import { toPlanVersion } from '../plans.mappers.js';

/** Named versions: saved by hand, listed, compared with now and restored as a new change. */
@Injectable()
export class PlanVersionsService {
  constructor(
    private readonly policy: PlanPolicy,
    private readonly documents: PlanDocuments,
    private readonly versions: PlanVersionsRepository,
  ) {}

  async save(actor: Actor, planId: string, name: string): Promise<PlanVersionDto> {
    await this.policy.openToManageVersions(actor, planId);
    const { state } = await this.documents.snapshot(planId);
    const id = await this.versions.insert({
      planId,
      name,
      kind: 'manual',
      state,
      authorId: actor.userId,
    });
    return this.dto(planId, id);
  }

  async list(actor: Actor, planId: string): Promise<PlanVersionDto[]> {
    await this.policy.open(actor, planId);
    return (await this.versions.list(planId)).map(toPlanVersion);
  }

  /** Each section's text then and now with a word diff, and the action table's changes. */
  async diff(actor: Actor, planId: string, versionId: string): Promise<PlanVersionDiffDto> {
    await this.policy.open(actor, planId);
    const version = await this.versionOr404(planId, versionId);
    const [state, current] = await Promise.all([
      this.versions.state(version.id),
      this.documents.content(planId),
    ]);
    return { version: toPlanVersion(version), ...diffPlanContent(versionContent(state), current) };
  }

  /**
   * Writes the version's content (or one section of it) back as a new change that open editors
   * see at once, and records the result as a version of kind `restore`.
   */
  async restore(
    actor: Actor,
    planId: string,
    versionId: string,
    section?: PlanSectionKey,
  ): Promise<PlanVersionDto> {
    await this.policy.openToManageVersions(actor, planId);
    const version = await this.versionOr404(planId, versionId);
    await this.documents.restore(planId, await this.versions.state(version.id), section);
    const { state } = await this.documents.snapshot(planId);
    const id = await this.versions.insert({
      planId,
      name: restoredName(version.name, section),
      kind: 'restore',
      state,
      authorId: actor.userId,
      restoredFromId: version.id,
      section: section ?? null,
    });
    return this.dto(planId, id);
  }

  private async versionOr404(planId: string, versionId: string): Promise<PlanVersionEntity> {
    const version = await this.versions.find(planId, versionId);
    if (!version) throw new NotFoundException('Version not found.');
    return version;
  }

  private async dto(planId: string, id: string): Promise<PlanVersionDto> {
    return toPlanVersion(await this.versionOr404(planId, id));
  }
}

function restoredName(name: string, section?: PlanSectionKey): string {
  const part = section ? PLAN_SECTIONS.find((s) => s.key === section) : undefined;
  return part ? `Restored section ${part.number} from “${name}”` : `Restored “${name}”`;
}
