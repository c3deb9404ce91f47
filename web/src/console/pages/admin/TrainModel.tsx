import { App, Button, Card, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../../../api/client';
import { showFieldErrors } from '../../../api/form-errors';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';

/**
 * 训练模型: a new model from the archived complaints' confirmed categories and the agents' corrections,
 * trained by the worker; it joins the models to choose from once done (the jobs tab shows it running).
 */
export function TrainModel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ model: string }>();
  const train = useApiMutation('POST', '/classification/train', { invalidates: ['/jobs'] });
  const submit = async ({ model }: { model: string }) => {
    try {
      const { queued } = await train.mutateAsync({ body: { model: model.trim() } });
      message.success(t(queued ? 'classify.train.queued' : 'classify.train.already', { model }));
    } catch (e) {
      // On the name field when the refusal names it; else in words (a reserved name, a lost connection).
      const rest = showFieldErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
      else if (!(e instanceof ApiError)) message.error(t('common.error'));
    }
  };
  return (
    <Card size="small" title={t('classify.train')} style={{ maxWidth: 720 }} data-testid="train-model">
      <Typography.Paragraph type="secondary">{t('classify.train.help')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        name="train_model"
        initialValues={{ model: `trained-${dayjs().format('YYYYMMDD')}` }}
        onFinish={submit}
      >
        <Form.Item
          name="model"
          label={t('classify.train.name')}
          rules={[
            { required: true, message: t('admin.required') },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('classify.train.nameRule') },
          ]}
        >
          <Input maxLength={100} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={train.isPending}>
          {t('classify.train.start')}
        </Button>
      </Form>
    </Card>
  );
}
