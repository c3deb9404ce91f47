import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { COST_BEARERS } from '../../../../api/vocabularies';
import { type Translate, useI18n } from '../../../../i18n';
import { chosen } from './fields';

type Key = Parameters<Translate>[0];

/** Yuan shown, fen kept: the field's value is the API's amount in fen. */
export const fenAsYuan = {
  getValueProps: (fen: unknown) => ({ value: typeof fen === 'number' ? fen / 100 : fen }),
  normalize: (value: unknown) => (typeof value === 'number' ? Math.round(value * 100) : value),
};

/** 费用承担: who bears the remedy's cost, as shares that add up to its amount (the server checks the sum). */
export function CostSharesField() {
  const { t } = useI18n();
  return (
    <Form.Item label={t('ff.costShares')}>
      <Form.List name="costShares">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Space key={key} align="baseline" wrap data-testid="cost-share">
                <Form.Item name={[name, 'bearer']} rules={chosen(t)}>
                  <Select
                    style={{ width: 130 }}
                    options={COST_BEARERS.map((b) => ({ value: b, label: t(`ff.bearer.${b}` as Key) }))}
                  />
                </Form.Item>
                <Form.Item name={[name, 'name']}>
                  <Input maxLength={200} placeholder={t('ff.note')} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[name, 'amount']} rules={chosen(t)} {...fenAsYuan}>
                  <InputNumber min={0} precision={2} prefix="¥" style={{ width: 130 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ bearer: 'company' })}>
              {t('ff.costShares')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
