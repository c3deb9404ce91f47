import { App, Button, Checkbox, Form, Select, Typography } from 'antd';
import { showFieldErrors } from '../../../api/form-errors';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { type Disclosure, FIGURES, type FigureName } from './shared';

interface Values {
  figures: FigureName[];
  complaintNumbers: string[];
}

interface Props {
  month: string;
  /** The month as prepared; undefined while it loads or when it is not prepared yet. */
  current: Disclosure | undefined;
  loading: boolean;
}

/**
 * Choose the figures and the judgements; the server computes the figures now and drafts the new judgements.
 * A form of its own for each month as prepared: a kept form would hold the values it had before the month
 * arrived, and preparing again would drop the judgements already chosen.
 */
export function PrepareForm(props: Props) {
  return <MonthForm key={`${props.month}-${props.current?.preparedAt ?? ''}`} {...props} />;
}

function MonthForm({ month, current, loading }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const prepare = useApiMutation('PUT', '/disclosures/:month', {
    invalidates: ['/disclosures', '/disclosures/:month'],
  });
  const submit = async (body: Values) => {
    try {
      await prepare.mutateAsync({ params: { month }, body });
      message.success(t('dc.prepared'));
    } catch (e) {
      for (const text of showFieldErrors(form, e)) message.error(text);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={loading || current?.status === 'published'}
      initialValues={{
        figures: current?.chosen ?? [
          'received',
          'byCategory1',
          'resolutionRate',
          'onTimeRate',
          'satisfaction',
        ],
        complaintNumbers: current?.judgements.map((j) => j.number) ?? [],
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="figures" label={t('dc.figures')}>
        <Checkbox.Group options={FIGURES.map((f) => ({ value: f, label: t(`dc.figure.${f}`) }))} />
      </Form.Item>
      <Form.Item name="complaintNumbers" label={t('dc.complaints')}>
        <Select
          mode="tags"
          open={false}
          tokenSeparators={[',', ' ', '，']}
          placeholder={t('dc.complaints.placeholder')}
          data-testid="complaint-numbers"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('dc.prepare.hint')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={prepare.isPending} data-testid="prepare">
        {current ? t('dc.prepare.again') : t('dc.prepare')}
      </Button>
    </Form>
  );
}
