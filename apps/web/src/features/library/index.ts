/** The library feature's public surface: what the app and other features may import. */
export { LibraryPage } from './LibraryPage';
export { ResourcePage } from './ResourcePage';
export { EditResourcePage, NewResourcePage } from './ResourceFormPage';
export { TrashPage } from './TrashPage';
export { LibraryReviewQueue } from './LibraryReviewQueue';
export { ResourceLinkCard, ResourceLinkCards } from './ResourceLinkCard';
export { ResourcePicker } from './ResourcePicker';
export { libraryLinkIds, resourcePath } from './links';
