export { backfillSearchIndex, reindexAll } from './backfill.js';
export { matchesSearch, searchSnippets } from './match.js';
export { parseSearch, type SearchQuery } from './query.js';
export { searchRoutes } from './routes.js';
export { indexComplaint, writeSearchRow } from './search-index.js';
