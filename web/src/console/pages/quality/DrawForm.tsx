import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  InputNumber,
  Radio,
  Select,
  Space,
  TreeSelect,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { CallInput, EndpointAt } from '../../../api/call';
import { showFieldErrors } from '../../../api/form-errors';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { categoryTree, useCategories } from '../../components/categories';
import { useStaffLabel } from '../../components/units';
import { CHECK_QUERIES, type DrawResult } from './model';

type DrawBody = CallInput<EndpointAt<'POST', '/quality-checks/draws'>>['body'];
const RULES = ['major', 'reopened', 'unsatisfied', 'overdue', 'category'] as const;

interface Values {
  period: Dayjs;
  handlerIds?: number[];
  method: 'random' | 'rule';
  size: 'perHandler' | 'percent';
  amount: number;
  seed?: number | null;
  rules?: DrawBody['rules'];
  categoryId?: number;
}

/** 抽样: a period, the handlers (or everyone in the caller's units), random n / share or rules; preview, then draw. */
export function DrawForm() {
  const { t, locale } = useI18n();
  const staffLabel = useStaffLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<{ preview: boolean; answer: DrawResult } | null>(null);
  const draw = useApiMutation('POST', '/quality-checks/draws', { invalidates: CHECK_QUERIES });
  const staff = useApi('/staff', { query: { role: 'handler' } });
  const categories = useCategories();
  const tree = useMemo(() => categoryTree(categories, locale === 'en'), [categories, locale]);
  const method = Form.useWatch('method', form);
  const rules = Form.useWatch('rules', form);

  const submit = async (preview: boolean) => {
    const v = await form.validateFields();
    const body: DrawBody = {
      period: v.period.format('YYYY-MM'),
      method: v.method,
      ...(v.handlerIds?.length ? { handlerIds: v.handlerIds } : {}),
      ...(v.method === 'random'
        ? { [v.size]: v.amount, ...(v.seed != null ? { seed: v.seed } : {}) }
        : { rules: v.rules, ...(v.categoryId ? { categoryId: v.categoryId } : {}) }),
      ...(preview ? { preview } : {}),
    };
    try {
      const answer = await draw.mutateAsync({ body });
      setResult({ preview, answer });
      if (!preview && v.method === 'random') form.setFieldValue('seed', answer.seed);
    } catch (e) {
      for (const text of showFieldErrors(form, e)) message.error(text);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="inline"
      data-testid="quality-draw"
      initialValues={{
        period: dayjs().subtract(1, 'month'),
        method: 'random',
        size: 'perHandler',
        amount: 3,
      }}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="period" label={t('quality.draw.period')} rules={[{ required: true }]}>
        <DatePicker picker="month" allowClear={false} />
      </Form.Item>
      <Form.Item name="handlerIds" label={t('quality.draw.handlers')}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('quality.draw.allHandlers')}
          optionFilterProp="label"
          options={(staff.data?.items ?? []).map((s) => ({
            value: s.id,
            label: staffLabel(s),
          }))}
        />
      </Form.Item>
      <Form.Item name="method" label={t('quality.draw.method')}>
        <Radio.Group
          optionType="button"
          options={(['random', 'rule'] as const).map((m) => ({
            value: m,
            label: t(`quality.draw.method.${m}`),
          }))}
        />
      </Form.Item>
      {method === 'random' ? (
        <>
          <Form.Item name="size">
            <Select
              style={{ width: 110 }}
              options={(['perHandler', 'percent'] as const).map((s) => ({
                value: s,
                label: t(`quality.draw.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="amount" rules={[{ required: true }]}>
            <InputNumber min={1} max={100} precision={0} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="seed" label={t('quality.draw.seed')} tooltip={t('quality.draw.seedHelp')}>
            <InputNumber min={0} max={2147483647} precision={0} style={{ width: 130 }} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="rules" label={t('quality.draw.rules')} rules={[{ required: true }]}>
            <Checkbox.Group options={RULES.map((r) => ({ value: r, label: t(`quality.rule.${r}`) }))} />
          </Form.Item>
          {rules?.includes('category') && (
            <Form.Item name="categoryId" label={t('quality.draw.category')} rules={[{ required: true }]}>
              <TreeSelect treeData={tree} style={{ width: 200 }} showSearch treeNodeFilterProp="title" />
            </Form.Item>
          )}
        </>
      )}
      <Space>
        <Button onClick={() => void submit(true)} loading={draw.isPending}>
          {t('quality.draw.preview')}
        </Button>
        <Button
          type="primary"
          onClick={() => void submit(false)}
          loading={draw.isPending}
          data-testid="quality-draw-submit"
        >
          {t('quality.draw.submit')}
        </Button>
      </Space>
      {result && (
        <Alert
          style={{ width: '100%', marginTop: 12 }}
          type={result.answer.picked.length ? (result.preview ? 'info' : 'success') : 'warning'}
          data-testid="quality-draw-result"
          title={
            result.answer.picked.length
              ? t(result.preview ? 'quality.draw.previewResult' : 'quality.draw.result', {
                  count: result.answer.picked.length,
                  seed: result.answer.seed ?? '—',
                })
              : t('quality.draw.none')
          }
          description={result.answer.picked.map((p) => `${p.complaint.number} ${p.handler.name}`).join('，')}
        />
      )}
    </Form>
  );
}
