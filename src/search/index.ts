export { MAX_LIMIT as MAX_SEARCH_LIMIT } from './filters.js';
export { refreshSearchIndex } from './refresh.js';
export { searchRoutes } from './routes.js';
export { searchRights } from './search.js';
export type { RightSearchHit, RightSearchPage, RightSearchQuery } from './types.js';
