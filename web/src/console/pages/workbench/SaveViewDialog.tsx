import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../../i18n';

interface Props {
  open: boolean;
  onSave(name: string): void;
  onCancel(): void;
}

/** The name under which the workbench's tab and filters are saved as a view. */
export default function SaveViewDialog({ open, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string }>();
  return (
    <Modal
      open={open}
      title={t('workbench.views.save')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ name }) => {
          onSave(name.trim());
          form.resetFields();
        }}
      >
        <Form.Item
          name="name"
          label={t('workbench.views.name')}
          rules={[{ required: true, whitespace: true, message: t('workbench.views.nameRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
