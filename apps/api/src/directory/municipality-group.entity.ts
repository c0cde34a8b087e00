import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';

/** Authorities applying together on their combined population, led by one of them. */
@Entity('municipality_groups')
export class MunicipalityGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('municipality_groups_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'lead_authority_id', type: 'uuid' })
  leadAuthorityId: string;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_authority_id' })
  leadAuthority?: Relation<AuthorityEntity>;

  @Column({ name: 'coordinating_body', type: 'text', nullable: true })
  coordinatingBody: string | null;

  @ManyToMany(() => AuthorityEntity)
  @JoinTable({
    name: 'municipality_group_members',
    joinColumn: { name: 'group_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'authority_id', referencedColumnName: 'id' },
  })
  members?: Relation<AuthorityEntity[]>;
}
