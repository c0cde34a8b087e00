/** The plans feature's public surface: what the app and other features may import. */
export { PlanPage } from './PlanPage';
export { PairingPlans } from './PairingPlans';
export { PlanStatusBadge } from './labels';
export { planKeys, usePairingPlans, useReviewQueue } from './usePlans';
