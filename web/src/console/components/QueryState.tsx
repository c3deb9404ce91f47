import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';

interface Props<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  /** When the loaded data counts as empty (shows `empty` instead of the children). */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** A read that failed: the server's words and a retry. */
export function QueryError({ error, retry }: { error: unknown; retry(): unknown }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError ? error.title : t('common.error')}
      action={
        <Button size="small" onClick={() => retry()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/** The one way a page shows loading, failure (with the server's words and a retry) and emptiness. */
export function QueryState<T>({ query, isEmpty, empty, children }: Props<T>) {
  const { t } = useI18n();
  if (query.error) return <QueryError error={query.error} retry={query.refetch} />;
  if (query.isPending || query.data === undefined) return <Spin description={t('common.loading')} />;
  if (isEmpty?.(query.data)) return <>{empty ?? <Empty description={t('common.empty')} />}</>;
  return <>{children(query.data)}</>;
}
