import { Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { type Setting, type SettingOf, useSetting } from './crud/setting';

type Rules = SettingOf<'/assessment/rules'>;
const KINDS = ['major', 'service_conduct', 'business_error', 'minor_slip'] as const;

/** 考核规则: points per valid complaint by kind, deductions, bonuses and the quality-check weight. */
export function AssessmentRulesTab() {
  const setting = useSetting('/assessment/rules', [
    '/assessment/people/:userId',
    '/assessment/units/:unitId',
  ]);
  return (
    <QueryState query={setting.query}>{(data) => <RulesForm data={data} setting={setting} />}</QueryState>
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
        <Card size="small" title={t('as.scoreLines')}>
          {points(['deductions', 'overdueStage'], t('admin.rules.overdueStage'))}
          {points(['deductions', 'reopened'], t('admin.rules.reopened'))}
          {points(['deductions', 'unsatisfied'], t('admin.rules.unsatisfied'))}
          {points(['bonuses', 'firstContact'], t('admin.rules.firstContact'))}
          {points(['bonuses', 'highSatisfaction'], t('admin.rules.highSatisfaction'))}
          {points(['bonuses', 'highSatisfactionFrom'], t('admin.rules.highSatisfactionFrom'), 10, 1)}
          {points(['qualityWeight'], t('admin.rules.qualityWeight'), 1, 0.05)}
        </Card>
      </Flex>
      <Button type="primary" htmlType="submit" loading={setting.saving} style={{ marginTop: 16 }}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
