import { App, Button, Card, Form, Input } from 'antd';
import { showFieldErrors } from '../../../api/form-errors';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { type Disclosure, TEXT_FIELDS } from './shared';

type Judgement = Disclosure['judgements'][number];

/** One selected judgement's publication texts: edited, then checked by the server for anything personal. */
export function JudgementEditor({ month, j, locked }: { month: string; j: Judgement; locked: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<Judgement, 'number'>>();
  const save = useApiMutation('PUT', '/disclosures/:month/judgements/:number', {
    invalidates: ['/disclosures/:month'],
  });
  const submit = async (body: Omit<Judgement, 'number'>) => {
    try {
      await save.mutateAsync({ params: { month, number: j.number }, body });
      message.success(t('dc.saved'));
    } catch (e) {
      for (const text of showFieldErrors(form, e)) message.error(text);
    }
  };
  return (
    <Card size="small" title={j.number} data-testid={`judgement-${j.number}`}>
      <Form
        form={form}
        layout="vertical"
        initialValues={j}
        disabled={locked}
        onFinish={(v) => void submit(v)}
      >
        {TEXT_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`dc.field.${field}`)} rules={[{ required: true }]}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={field === 'category' ? 200 : 2000}
            />
          </Form.Item>
        ))}
        <Button htmlType="submit" loading={save.isPending} data-testid="save-judgement">
          {t('dc.save')}
        </Button>
      </Form>
    </Card>
  );
}
