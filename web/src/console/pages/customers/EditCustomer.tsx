import { Form, Input, Select } from 'antd';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { EditModal } from '../admin/crud/EditModal';
import { LEVELS, type Level } from './levels';

export type CustomerProfile = CallOutput<EndpointAt<'GET', '/customers/:id'>>;
interface Values {
  name: string;
  level: Level;
  tags: string[];
  note?: string;
}

/** 编辑客户: the name, the level, the tags and the note; contacts come with complaints. */
export function EditCustomer({ customer: c, onClose }: { customer: CustomerProfile; onClose(): void }) {
  const { t } = useI18n();
  const save = useApiMutation('PATCH', '/customers/:id', {
    invalidates: ['/customers/:id', '/customers', '/customers/:id/timeline'],
  });
  const required = { required: true, whitespace: true, message: t('admin.required') };
  return (
    <EditModal<Values>
      name="customer"
      title={t('cust.edit')}
      initialValues={{ name: c.name, level: c.level, tags: c.tags, note: c.note ?? '' }}
      onSubmit={(v) =>
        save.mutateAsync({
          params: { id: c.id },
          body: { name: v.name.trim(), level: v.level, tags: v.tags, note: v.note?.trim() || null },
        })
      }
      savedText={() => t('cust.saved')}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('cust.col.name')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="level" label={t('cp.customer.level')} rules={[required]}>
        <Select options={LEVELS.map((l) => ({ value: l, label: t(`cp.customer.level.${l}`) }))} />
      </Form.Item>
      <Form.Item name="tags" label={t('cust.tags')}>
        <Select mode="tags" maxCount={20} tokenSeparators={[',', '，']} />
      </Form.Item>
      <Form.Item name="note" label={t('cust.note')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </EditModal>
  );
}
