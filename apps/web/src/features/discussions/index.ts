/** The discussions feature's public surface: what the app and other features may import. */
export { DiscussionsPage } from './DiscussionsPage';
export { PairingChannelsLink } from './PairingChannelsLink';
export { useChannels } from './api';
export { pairingDiscussionsPath, type DraftState } from './draft';
