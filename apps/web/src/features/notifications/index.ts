/** The notifications feature's public surface: what the app and other features may import. */
export { NotificationBell } from './NotificationBell';
export { useMarkThreadNotificationsRead } from './useNotifications';
