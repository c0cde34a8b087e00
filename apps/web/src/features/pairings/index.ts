/** The pairings feature's public surface: what the app and other features may import. */
export { DirectoryPage } from './DirectoryPage';
export { PairingPage, type PairingPageParts } from './PairingPage';
export { PairingCard } from './PairingCard';
export { CountryLabel } from './labels';
export { usePairing, usePairings } from './usePairings';
