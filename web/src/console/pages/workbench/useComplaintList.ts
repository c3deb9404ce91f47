import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/call';
import type { ApiError } from '../../../api/client';
import { type ComplaintRow, type Filters, listQuery, type Sort, type Tab } from './model';

/**
 * The workbench's list, a page at a time through the cursor ("more" appends). Read with `call`:
 * `useApi` caches one answer per input, not a growing list of pages. A newer request wins.
 */
export function useComplaintList(tab: Tab, filters: Filters, unitId: number, sort: Sort) {
  const [rows, setRows] = useState<ComplaintRow[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);
  const request = useRef(0);

  const fetchPage = useCallback(
    (cursor?: string | null) =>
      call('GET', tab === 'mine' ? '/complaints/mine' : '/complaints', {
        query: listQuery(tab, filters, unitId, sort, cursor),
      }),
    [tab, filters, unitId, sort],
  );

  // The first page whenever the tab, a filter or the order changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for a fresh first page
  useEffect(() => {
    const id = ++request.current;
    setLoading(true);
    fetchPage()
      .then((page) => {
        if (id !== request.current) return;
        setRows(page.items);
        setNextCursor(page.nextCursor);
        setError(null);
      })
      .catch((e: ApiError) => id === request.current && setError(e))
      .finally(() => id === request.current && setLoading(false));
  }, [fetchPage, reload]);

  const loadMore = async () => {
    if (!nextCursor) return;
    const id = request.current;
    setLoading(true);
    try {
      const page = await fetchPage(nextCursor);
      if (id !== request.current) return;
      setRows((r) => [...r, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  };

  return { rows, nextCursor, loading, error, loadMore, refresh: () => setReload((n) => n + 1) };
}
