import { InboxOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Flex, Modal, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type CallOutput, call, type EndpointAt } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { useInvalidate } from '../../../api/hooks';
import { useI18n } from '../../../i18n';

/** The report as JSON (the endpoint answers a workbook when asked for one). */
type Report = Extract<CallOutput<EndpointAt<'POST', '/spreadsheets/imports'>>, { totals: unknown }>;
type ReportRow = Report['rows'][number];

const STATUS_COLORS: Record<ReportRow['status'], string> = {
  imported: 'success',
  skipped: 'default',
  failed: 'error',
};

/**
 * 批量导入: the template, a file of complaints (xlsx or CSV), then what became of every row — its
 * number, why it was skipped, or each field's problem — with the failed rows first.
 */
export function ImportModal({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const [report, setReport] = useState<Report | null>(null);
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    setImporting(true);
    setError(null);
    try {
      const answer = await call('POST', '/spreadsheets/imports', { query: { format: 'json' }, form });
      if (typeof answer === 'object' && 'totals' in answer) setReport(answer);
      await invalidate(['/complaints', '/complaints/mine']);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : t('common.error'));
    } finally {
      setImporting(false);
    }
  };
  const order: Record<ReportRow['status'], number> = { failed: 0, skipped: 1, imported: 2 };
  const rows = report
    ? [...report.rows].sort((a, b) => order[a.status] - order[b.status] || a.row - b.row)
    : [];

  return (
    <Modal
      open
      title={t('import.title')}
      width={860}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      data-testid="import-modal"
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('import.intro')}{' '}
          <a href="/api/v1/spreadsheets/complaint-template.xlsx" download data-testid="import-template">
            {t('import.template')}
          </a>
        </Typography.Paragraph>
        <Spin spinning={importing}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={importing}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
          </Upload.Dragger>
        </Spin>
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {report && (
          <>
            <Descriptions size="small" column={4} bordered data-testid="import-totals">
              <Descriptions.Item label={t('import.rows')}>{report.totals.rows}</Descriptions.Item>
              <Descriptions.Item label={t('import.status.imported')}>
                {report.totals.imported}
              </Descriptions.Item>
              <Descriptions.Item label={t('import.status.skipped')}>
                {report.totals.skipped}
              </Descriptions.Item>
              <Descriptions.Item label={t('import.status.failed')}>{report.totals.failed}</Descriptions.Item>
            </Descriptions>
            <Table<ReportRow>
              size="small"
              rowKey="row"
              dataSource={rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="import-rows"
              columns={[
                { key: 'row', title: t('import.col.row'), dataIndex: 'row', width: 64 },
                {
                  key: 'status',
                  title: t('import.col.status'),
                  width: 90,
                  render: (_, r) => (
                    <Tag color={STATUS_COLORS[r.status]}>{t(`import.status.${r.status}`)}</Tag>
                  ),
                },
                {
                  key: 'number',
                  title: t('import.col.number'),
                  width: 180,
                  render: (_, r) => (r.number ? <Link to={`/complaints/${r.number}`}>{r.number}</Link> : '—'),
                },
                {
                  key: 'detail',
                  title: t('import.col.detail'),
                  render: (_, r) =>
                    r.errors?.length ? (
                      <Flex vertical>
                        {r.errors.map((e) => (
                          <span key={`${e.field}:${e.code}`}>
                            {e.column ? `${e.column}：` : ''}
                            {e.message}
                          </span>
                        ))}
                      </Flex>
                    ) : (
                      (r.message ?? r.externalRef ?? '')
                    ),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
