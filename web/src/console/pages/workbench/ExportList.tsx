import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type CallInput, type EndpointAt, urlFor } from '../../../api/call';
import { useI18n } from '../../../i18n';
import { type Filters, listQuery, type Sort, type Tab } from './model';

type ExportQuery = CallInput<EndpointAt<'GET', '/spreadsheets/complaints.xlsx'>>['query'];

/**
 * 导出 Excel: every complaint of the list as it is filtered and ordered, all of it, not the pages
 * loaded; in the console's language. Not on 我的待办, whose list is not a filter.
 */
export function ExportList({
  tab,
  filters,
  unitId,
  sort,
}: {
  tab: Tab;
  filters: Filters;
  unitId: number;
  sort: Sort;
}) {
  const { t, locale } = useI18n();
  const { limit: _all, ...filtered } = listQuery(tab, filters, unitId, sort);
  const query: ExportQuery = { ...filtered, lang: locale };
  return (
    <Button
      icon={<DownloadOutlined />}
      href={`/api/v1${urlFor('/spreadsheets/complaints.xlsx', undefined, query)}`}
      download
      data-testid="export-list"
    >
      {t('workbench.export')}
    </Button>
  );
}
