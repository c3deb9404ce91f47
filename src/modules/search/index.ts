export { backfillSearchIndex, reindexAll } from './backfill.js';
export { type ColumnRange, matchesSearch, rangesWithMatches, searchSnippets } from './match.js';
export { searchCondition, type WalkFilter } from './plan.js';
export { parseSearch, type SearchQuery } from './query.js';
export { indexComplaint, indexNewComplaint, SEARCHED_COLUMNS, writeSearchRow } from './search-index.js';
