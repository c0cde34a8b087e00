/** Every entity of the application, for the data source. Each module owns its own. */
import { UserEntity } from '../auth/user.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { InvitationEntity } from '../auth/invitation.entity.js';
import { LoginFailureEntity } from '../auth/login-failure.entity.js';
import { OutboxMailEntity } from '../mail/outbox-mail.entity.js';
import { AuthorityEntity } from '../directory/authority.entity.js';
import { MunicipalityGroupEntity } from '../directory/municipality-group.entity.js';
import { CallEntity } from '../pairings/call.entity.js';
import { PairingEntity } from '../pairings/pairing.entity.js';
import { PairingAuthorityEntity } from '../pairings/pairing-authority.entity.js';
import { MembershipEntity } from '../pairings/membership.entity.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { PlanProjectionEntity } from '../plans/plan-projection.entity.js';
import { PlanActionRowEntity } from '../plans/plan-action-row.entity.js';
import { CollabUpdateEntity } from '../collab/collab-update.entity.js';
import { CollabSnapshotEntity } from '../collab/collab-snapshot.entity.js';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  InvitationEntity,
  LoginFailureEntity,
  OutboxMailEntity,
  AuthorityEntity,
  MunicipalityGroupEntity,
  CallEntity,
  PairingEntity,
  PairingAuthorityEntity,
  MembershipEntity,
  PlanEntity,
  PlanProjectionEntity,
  PlanActionRowEntity,
  CollabUpdateEntity,
  CollabSnapshotEntity,
];
