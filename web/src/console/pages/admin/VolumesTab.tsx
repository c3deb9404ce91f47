import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, InputNumber, Table, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { useApi, useInvalidate } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { SearchSelect } from '../../../ui/SearchSelect';
import { QueryState } from '../../components/QueryState';
import type { Unit } from './shared';

interface FormValues {
  unitId: number;
  month: Dayjs;
  parcels?: number | null;
  orders?: number | null;
}

/** 业务量: loaded volumes, a form for one unit and month, and the spreadsheet upload (all rows or none). */
export function VolumesTab({ units }: { units: Unit[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const volumes = useApi('/assessment/volumes', { query: {} });
  const [problems, setProblems] = useState<string[]>([]);
  const [form] = Form.useForm<FormValues>();

  const report = (e: unknown) => {
    if (!(e instanceof ApiError)) return setProblems([t('common.error')]);
    setProblems(
      e.fields.length
        ? e.fields.map((f) => {
            const [, , , row = '', column = ''] = f.path.split('/');
            return t('admin.volumes.rowProblem', { row, column, message: f.message });
          })
        : [e.title],
    );
  };
  const done = async (written: number) => {
    setProblems([]);
    message.success(t('admin.volumes.saved', { count: written }));
    await invalidate(['/assessment/volumes', '/assessment/units/:unitId']);
  };
  const save = async (v: FormValues) => {
    try {
      const r = await call('PUT', '/assessment/volumes', {
        body: {
          rows: [
            {
              unitId: v.unitId,
              period: v.month.format('YYYY-MM'),
              parcels: v.parcels ?? null,
              orders: v.orders ?? null,
            },
          ],
        },
      });
      await done(r.written);
    } catch (e) {
      report(e);
    }
  };
  const upload = async (file: File) => {
    const data = new FormData();
    data.append('file', file);
    try {
      const r = await call('POST', '/assessment/volumes/upload', { form: data });
      await done(r.written);
    } catch (e) {
      report(e);
    }
  };

  return (
    <Flex vertical gap={16} data-testid="volumes-tab">
      <Typography.Paragraph type="secondary">{t('admin.volumes.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={save}>
        <Form.Item name="unitId" label={t('as.unit.unit')} rules={[{ required: true }]}>
          <SearchSelect style={{ width: 200 }} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="month" label={t('as.period')} rules={[{ required: true }]}>
          <DatePicker picker="month" />
        </Form.Item>
        <Form.Item name="parcels" label={t('as.unit.parcels')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="orders" label={t('as.unit.orders')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('admin.volumes.add')}
        </Button>
      </Form>
      <Flex gap={12} align="center" wrap>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('admin.volumes.upload')}</Button>
        </Upload>
        <Typography.Text type="secondary">{t('admin.volumes.uploadHint')}</Typography.Text>
      </Flex>
      {problems.length ? (
        <Alert type="error" showIcon title={problems.join('；')} data-testid="volume-problems" />
      ) : null}
      <QueryState query={volumes}>
        {(data) => (
          <Table
            size="small"
            rowKey={(r) => `${r.unitId}:${r.period}`}
            dataSource={data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('as.period'), dataIndex: 'period' },
              { title: t('as.unit.unit'), dataIndex: 'unitName' },
              { title: t('as.unit.parcels'), dataIndex: 'parcels', render: (v: number | null) => v ?? '—' },
              { title: t('as.unit.orders'), dataIndex: 'orders', render: (v: number | null) => v ?? '—' },
            ]}
          />
        )}
      </QueryState>
    </Flex>
  );
}
