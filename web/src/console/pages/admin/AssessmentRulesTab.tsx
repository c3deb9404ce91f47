import { Button, Card, Flex, Form, InputNumber, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { SettingsForm } from './crud/SettingsForm';
import { type Setting, type SettingOf, useSetting } from './crud/setting';

type Rules = SettingOf<'/assessment/rules'>;
const KINDS = ['major', 'service_conduct', 'business_error', 'minor_slip'] as const;
const RATES = ['onTime', 'reopened', 'unsatisfied', 'firstContact', 'highSatisfaction'] as const;
/** The API keeps a target as 0–1, the form shows per cent. */
const percent = {
  getValueProps: (v: number) => ({ value: Math.round(v * 10_000) / 100 }),
  normalize: (v: number | null) => (v === null ? v : v / 100),
};

/** 考核规则: points per valid complaint by kind, the handling rates against their targets, the quality-check weight. */
export function AssessmentRulesTab() {
  const setting = useSetting('/assessment/rules', [
    '/assessment/people/:userId',
    '/assessment/units/:unitId',
  ]);
  return (
    <Flex vertical gap={16}>
      <QueryState query={setting.query}>{(data) => <RulesForm data={data} setting={setting} />}</QueryState>
      <AppealWindow />
    </Flex>
  );
}

/** 申诉期限: how long after a judgement or a score staff may appeal it. */
function AppealWindow() {
  const { t } = useI18n();
  const setting = useSetting('/settings/appeals');
  return (
    <SettingsForm
      title={t('admin.rules.appeals')}
      setting={setting}
      fields={[
        {
          name: 'windowDays',
          label: t('admin.rules.appeals.windowDays'),
          required: true,
          extra: t('admin.rules.appeals.help'),
          input: <InputNumber min={1} max={90} precision={0} style={{ width: 200 }} />,
        },
      ]}
    />
  );
}

function RulesForm({ data, setting }: { data: Rules; setting: Setting<'/assessment/rules'> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Rules>();
  const points = (name: Array<string>, label: string, max = 1000, step = 0.5) => (
    <Form.Item key={name.join('.')} name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={0} max={max} step={step} />
    </Form.Item>
  );
  const save = async (values: Rules) => {
    await setting.save(values, t('admin.rules.saved'), (e) => {
      const fields = (e as { fields?: Array<{ path: string; message: string }> }).fields ?? [];
      form.setFields(
        fields.map((f) => ({ name: f.path.split('/').slice(2), errors: [f.message] })) as Parameters<
          typeof form.setFields
        >[0],
      );
      return [];
    });
  };
  return (
    <Form form={form} layout="vertical" initialValues={data} onFinish={save} data-testid="rules-form">
      <Typography.Paragraph type="secondary">{t('admin.rules.intro')}</Typography.Paragraph>
      <Flex gap={16} wrap>
        <Card size="small" title={t('admin.rules.validPoints')}>
          {points(['base'], t('admin.rules.base'))}
          {KINDS.map((k) => points(['validPoints', k], t(`as.kind.${k}`)))}
          {points(['majorGradeExtra'], t('admin.rules.majorGradeExtra'))}
        </Card>
        <Card size="small" title={t('admin.rules.rates')}>
          {RATES.map((k) => {
            const label = t(`admin.rules.rate.${k}`);
            const part = (name: 'target' | 'points' | 'max', max: number, step: number) => (
              <Form.Item
                name={['rates', k, name]}
                noStyle
                rules={[{ required: true }]}
                {...(name === 'target' ? percent : {})}
              >
                <InputNumber
                  min={0}
                  max={max}
                  step={step}
                  prefix={t(`admin.rules.${name}`)}
                  suffix={name === 'target' ? '%' : t('admin.rules.pointsUnit')}
                  aria-label={`${label} ${t(`admin.rules.${name}`)}`}
                  style={{ width: 150 }}
                />
              </Form.Item>
            );
            return (
              <Form.Item key={k} label={label} style={{ marginBottom: 8 }}>
                <Space>
                  {part('target', 100, 1)}
                  {part('points', 100, 0.1)}
                  {part('max', 1000, 1)}
                </Space>
              </Form.Item>
            );
          })}
          {points(['highSatisfactionFrom'], t('admin.rules.highSatisfactionFrom'), 10, 1)}
          {points(['qualityWeight'], t('admin.rules.qualityWeight'), 1, 0.05)}
        </Card>
      </Flex>
      <Button type="primary" htmlType="submit" loading={setting.saving} style={{ marginTop: 16 }}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
