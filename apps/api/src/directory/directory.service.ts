import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  checkEuApplicant,
  checkGroupApplicant,
  checkPartner,
  findCall,
  type AuthorityDto,
  type CallDefinition,
  type MunicipalityGroupDto,
  type PairingSide,
  type Verdict,
} from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import type { AuthorityEntity } from './authority.entity.js';
import { AuthorityRepository, type AuthorityFilter } from './authority.repository.js';
import { orderedMembers, toAuthorityDto, toCandidate, toGroupDto } from './directory.mappers.js';
import type { MunicipalityGroupEntity } from './municipality-group.entity.js';
import { MunicipalityGroupRepository } from './municipality-group.repository.js';
import { authorityMatches } from './name-search.js';

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The programme directory: local authorities, municipality groups and their eligibility to a call.
 * Methods taking an actor serve the directory's own routes; the others serve other modules, whose
 * callers have already checked access.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly authorities: AuthorityRepository,
    private readonly groups: MunicipalityGroupRepository,
    private readonly access: AccessService,
  ) {}

  async listAuthorities(actor: Actor, filter: AuthorityFilter): Promise<AuthorityDto[]> {
    this.access.requireProgramme(actor, 'directory.read');
    const rows = await this.authorities.find(filter);
    return rows.map(toAuthorityDto).sort((a, b) => byName.compare(a.name, b.name));
  }

  async getAuthority(actor: Actor, id: string): Promise<AuthorityDto> {
    this.access.requireProgramme(actor, 'directory.read');
    return toAuthorityDto(await this.authorityOr404(id));
  }

  async listGroups(actor: Actor): Promise<MunicipalityGroupDto[]> {
    this.access.requireProgramme(actor, 'directory.read');
    return (await this.groups.findAll()).map(toGroupDto);
  }

  /** An authority applying alone, from the EU side or as a partner. */
  async authorityEligibility(
    actor: Actor,
    id: string,
    callCode: string,
    side: PairingSide,
  ): Promise<Verdict> {
    this.access.requireProgramme(actor, 'directory.read');
    const call = this.call(callCode);
    const candidate = toCandidate(await this.authorityOr404(id));
    return side === 'eu' ? checkEuApplicant(call, candidate) : checkPartner(call, candidate);
  }

  /** A municipality group applying from the EU side on its combined population. */
  async groupEligibility(actor: Actor, id: string, callCode: string): Promise<Verdict> {
    this.access.requireProgramme(actor, 'directory.read');
    const call = this.call(callCode);
    const group = await this.groupOr404(id);
    return checkGroupApplicant(call, {
      members: orderedMembers(group).map(toCandidate),
      leadName: group.leadAuthority?.name ?? null,
    });
  }

  async authoritiesByIds(ids: readonly string[]): Promise<Map<string, AuthorityDto>> {
    const rows = await this.authorities.findByIds([...new Set(ids)]);
    return new Map(rows.map((a) => [a.id, toAuthorityDto(a)]));
  }

  async groupsByIds(ids: readonly string[]): Promise<Map<string, MunicipalityGroupDto>> {
    const rows = await this.groups.findByIds([...new Set(ids)]);
    return new Map(rows.map((g) => [g.id, toGroupDto(g)]));
  }

  /** Ids of the authorities known by a name (or local name, or alias) containing `text`. */
  async authorityIdsMatching(text: string): Promise<Set<string>> {
    const rows = await this.authorities.find();
    return new Set(rows.filter((a) => authorityMatches(a, text)).map((a) => a.id));
  }

  private call(code: string): CallDefinition {
    const call = findCall(code);
    if (!call) throw new BadRequestException(`Unknown call "${code}".`);
    return call;
  }

  private async authorityOr404(id: string): Promise<AuthorityEntity> {
    const authority = await this.authorities.findById(id);
    if (!authority) throw new NotFoundException('Authority not found.');
    return authority;
  }

  private async groupOr404(id: string): Promise<MunicipalityGroupEntity> {
    const group = await this.groups.findById(id);
    if (!group) throw new NotFoundException('Municipality group not found.');
    return group;
  }
}
