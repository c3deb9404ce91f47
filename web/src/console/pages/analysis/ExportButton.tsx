import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type CallInput, type EndpointAt, urlFor } from '../../../api/call';
import { useI18n } from '../../../i18n';
import { type AnalysisFilters, statsQuery } from './filters';

type ExportQuery = CallInput<EndpointAt<'GET', '/stats/table.xlsx'>>['query'];

/** 导出 Excel: one table of the figures as GET /stats/table.xlsx gives it, for the same period and scope. */
export function ExportButton({ filters, table }: { filters: AnalysisFilters; table: ExportQuery['table'] }) {
  const { t } = useI18n();
  const query: ExportQuery = { ...statsQuery(filters), table };
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      href={`/api/v1${urlFor('/stats/table.xlsx', undefined, query)}`}
      download
      data-testid={`export-${table}`}
    >
      {t('an.export')}
    </Button>
  );
}
