import { App, Button, Card, DatePicker, Form, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { errorText } from '../admin/crud/setting';
import { unitOptions, unitTree } from '../admin/shared';

interface Values {
  period: [Dayjs, Dayjs];
  unitId?: number;
  locale: 'zh-CN' | 'en';
}

/** 生成报表: a period (days), a unit subtree the user may see, a language; the server queues it (202). */
export function RequestForm({ onQueued }: { onQueued(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useApi('/units', {}, { staleTime: 5 * 60_000 });
  const request = useApiMutation('POST', '/reports', { invalidates: ['/reports'] });
  // Last week, Monday to Sunday, whatever the locale's first day of the week.
  const monday = dayjs()
    .startOf('day')
    .subtract(((dayjs().day() + 6) % 7) + 7, 'day');
  const initial: Values = {
    period: [monday, monday.add(6, 'day')],
    locale: locale === 'en' ? 'en' : 'zh-CN',
  };
  const submit = async (v: Values) => {
    try {
      await request.mutateAsync({
        body: {
          from: v.period[0].format('YYYY-MM-DD'),
          to: v.period[1].format('YYYY-MM-DD'),
          locale: v.locale,
          ...(v.unitId ? { unitId: v.unitId } : {}),
        },
      });
      message.success(t('rp.request.queued'));
      onQueued();
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };
  return (
    <Card size="small" title={t('rp.request')}>
      <Form
        form={form}
        layout="inline"
        initialValues={initial}
        onFinish={submit}
        data-testid="report-request"
      >
        <Form.Item name="period" label={t('rp.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="unitId" label={t('rp.scope')}>
          <TreeSelect
            allowClear
            style={{ width: 220 }}
            placeholder={t('rp.scope.default')}
            treeDefaultExpandAll
            treeData={unitOptions(unitTree(units.data?.items ?? []), (u) =>
              locale === 'en' && u.nameEn ? u.nameEn : u.name,
            )}
          />
        </Form.Item>
        <Form.Item name="locale" label={t('rp.locale')}>
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'zh-CN', label: t('rp.locale.zh-CN') },
              { value: 'en', label: t('rp.locale.en') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={request.isPending} data-testid="request-report">
          {t('rp.request.submit')}
        </Button>
      </Form>
    </Card>
  );
}
