/** The search feature's public surface: the header's box and the results page. */
export { SearchBox, SearchToggle } from './SearchBox';
export { SearchPage } from './SearchPage';
export { useHeaderSearch } from './useHeaderSearch';
