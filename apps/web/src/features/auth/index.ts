/** The auth feature's public surface: what the app and other features may import. */
export { InvitePage } from './InvitePage';
export { LoginPage } from './LoginPage';
