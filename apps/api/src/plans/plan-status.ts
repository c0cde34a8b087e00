import type { PlanStatus } from '@iuc/domain';

/** A status as English words ("changes requested"), for messages and exports. */
export const statusLabel = (status: PlanStatus): string => status.replace('_', ' ');
