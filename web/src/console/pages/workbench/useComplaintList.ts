import { useApiPages } from '../../../api/hooks';
import { type Filters, listQuery, type Sort, type Tab } from './model';

/**
 * The workbench's list through the shared cache, keyed by the tab, the filters and the order, a page
 * at a time through the cursor ("more" appends). An action or a bulk action elsewhere refreshes it by
 * invalidating /complaints and /complaints/mine.
 */
export function useComplaintList(tab: Tab, filters: Filters, unitId: number, sort: Sort) {
  const list = useApiPages(tab === 'mine' ? '/complaints/mine' : '/complaints', {
    query: listQuery(tab, filters, unitId, sort),
  });
  return {
    rows: list.data?.pages.flatMap((p) => p.items) ?? [],
    hasMore: list.hasNextPage,
    loading: list.isFetching,
    error: list.error,
    loadMore: () => void list.fetchNextPage(),
    refresh: () => void list.refetch(),
  };
}
