import { Alert, Checkbox, Form, Input, InputNumber, Space, Tag } from 'antd';
import { useApi } from '../../../../api/hooks';
import { INTERNAL_ACTIONS, REMEDY_KINDS } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { yuan } from '../format';
import { useTermOf } from '../useTermOf';
import { complaintAction, type FieldsProps } from './ActionForm';
import { CostSharesField, fenAsYuan } from './CostSharesField';
import { chosen, options, required } from './fields';

/** The approval limits, read-only. */
function useAuthorityLimits() {
  return useApi('/settings/authority-limits', {}, { staleTime: 5 * 60_000 }).data;
}

function ProposeFields({ complaint: c }: FieldsProps) {
  const { t } = useI18n();
  const termOf = useTermOf();
  const limits = useAuthorityLimits();
  const demands = c.demands.map((d) => termOf('demand', d)).join('、') || '—';
  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        data-testid="remedy-context"
        title={t('cp.propose.demand', {
          demands,
          amount: c.demandAmount === null ? '—' : yuan(c.demandAmount),
        })}
        description={
          limits && (
            <Space wrap size={[4, 4]} data-testid="authority-limits">
              {t('cp.propose.limits')}
              {Object.entries(limits.limits).map(([role, limit]) => (
                <Tag key={role}>
                  {termOf('role', role)} {limit === null ? t('cp.propose.noLimit') : `≤ ${yuan(limit)}`}
                </Tag>
              ))}
              {c.grade === 'major' && (
                <Tag color="red">{t('cp.propose.major', { role: termOf('role', limits.majorApprover) })}</Tag>
              )}
            </Space>
          )
        }
      />
      <Form.Item name="kinds" label={t('cp.remedyKinds')} rules={chosen(t)}>
        <Checkbox.Group options={options(t, 'remedy', REMEDY_KINDS)} />
      </Form.Item>
      <Form.Item name="amount" label={t('cp.amountYuan')} rules={chosen(t)} {...fenAsYuan}>
        <InputNumber min={0} step={1} precision={2} prefix="¥" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="description" label={t('cp.description')} rules={required(t)}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="internalActions" label={t('cp.internalActions')}>
        <Checkbox.Group options={options(t, 'internal', INTERNAL_ACTIONS)} />
      </Form.Item>
      <CostSharesField />
    </>
  );
}

/** 提出方案: the remedy, beside what the customer asked for and who may approve how much. */
export const ProposeAction = complaintAction(
  'propose',
  'POST',
  '/complaints/:number/remedies',
  ProposeFields,
  {
    initialValues: () => ({ amount: 0 }),
  },
);
