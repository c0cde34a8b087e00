/** Every entity of the application, for the data source. Each module owns its own. */
import { UserEntity } from './auth/users/user.entity.js';
import { SessionEntity } from './auth/sessions/session.entity.js';
import { InvitationEntity } from './invitations/invitation.entity.js';
import { LoginFailureEntity } from './auth/login/login-failure.entity.js';
import { OutboxMailEntity } from './mail/outbox-mail.entity.js';
import { AuthorityEntity } from './directory/authority.entity.js';
import { MunicipalityGroupEntity } from './directory/municipality-group.entity.js';
import { CallEntity } from './pairings/call.entity.js';
import { PairingEntity } from './pairings/pairing.entity.js';
import { PairingAuthorityEntity } from './pairings/pairing-authority.entity.js';
import { MembershipEntity } from './pairings/membership.entity.js';
import { PlanEntity } from './plans/plan.entity.js';
import { PlanProjectionEntity } from './plans/projection/plan-projection.entity.js';
import { PlanActionRowEntity } from './plans/projection/plan-action-row.entity.js';
import { PlanVersionEntity } from './plans/versions/plan-version.entity.js';
import { PlanReviewEntity } from './plans/review/plan-review.entity.js';
import { CollabUpdateEntity } from './collab/collab-update.entity.js';
import { CollabSnapshotEntity } from './collab/collab-snapshot.entity.js';
import { ChannelEntity } from './discussions/channels/channel.entity.js';
import { MessageEntity } from './discussions/messages/message.entity.js';
import { MessageRevisionEntity } from './discussions/messages/message-revision.entity.js';
import { MessageReactionEntity } from './discussions/messages/message-reaction.entity.js';
import { ChannelReadEntity } from './discussions/channels/channel-read.entity.js';
import { NotificationEntity } from './notifications/notification.entity.js';
import { OutboxEventEntity } from './events/outbox-event.entity.js';
import { ResourceEntity } from './library/items/resource.entity.js';
import { ResourceRevisionEntity } from './library/revisions/resource-revision.entity.js';
import { ResourceReviewEntity } from './library/review/resource-review.entity.js';
import { UploadEntity } from './files/uploads/upload.entity.js';
import { FileEntity } from './files/file.entity.js';

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
  PlanVersionEntity,
  PlanReviewEntity,
  CollabUpdateEntity,
  CollabSnapshotEntity,
  ChannelEntity,
  MessageEntity,
  MessageRevisionEntity,
  MessageReactionEntity,
  ChannelReadEntity,
  NotificationEntity,
  OutboxEventEntity,
  ResourceEntity,
  ResourceRevisionEntity,
  ResourceReviewEntity,
  UploadEntity,
  FileEntity,
];
