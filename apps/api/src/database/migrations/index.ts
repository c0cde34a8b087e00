/** Migrations in order. Add new ones at the end; never edit one that has shipped. */
import { Initial1795600000000 } from './1795600000000-initial.js';
import { PlansCollab1795700000000 } from './1795700000000-plans-collab.js';
import { PlanVersions1795800000000 } from './1795800000000-plan-versions.js';
import { Discussions1795900000000 } from './1795900000000-discussions.js';
import { AccessEpoch1796000000000 } from './1796000000000-access-epoch.js';
import { PlanReviewNotifications1796100000000 } from './1796100000000-plan-review-notifications.js';
import { GenericNotificationsAndOutbox1796200000000 } from './1796200000000-generic-notifications-and-outbox.js';
import { FilesAndUploads1796300000000 } from './1796300000000-files-and-uploads.js';
import { Library1796400000000 } from './1796400000000-library.js';
import { Search1796500000000 } from './1796500000000-search.js';

export const MIGRATIONS: Function[] = [
  Initial1795600000000,
  PlansCollab1795700000000,
  PlanVersions1795800000000,
  Discussions1795900000000,
  AccessEpoch1796000000000,
  PlanReviewNotifications1796100000000,
  GenericNotificationsAndOutbox1796200000000,
  FilesAndUploads1796300000000,
  Library1796400000000,
  Search1796500000000,
];
