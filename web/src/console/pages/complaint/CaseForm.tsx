import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import type { CallInput, EndpointAt } from '../../../api/call';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { COMPLAINT_READS, type ComplaintDetail } from './contract';
import { FormModal, type Values } from './FormModal';

type CaseBody = CallInput<EndpointAt<'PUT', '/complaints/:number/case'>>['body'];
/** The form's values: the body to send, with what the form may leave empty optional. */
type CaseValues = Pick<CaseBody, 'title' | 'lessons'> & Partial<CaseBody>;

/** 标记为案例 / 编辑案例: the case's title, summary, lessons, 话术 and tags. */
export function CaseForm({
  complaint: c,
  onClose,
  onDone,
}: {
  complaint: ComplaintDetail;
  onClose(): void;
  onDone(c: ComplaintDetail): void;
}) {
  const { t } = useI18n();
  const save = useApiMutation('PUT', '/complaints/:number/case', { invalidates: [...COMPLAINT_READS] });
  const required = [{ required: true, whitespace: true, message: t('case.field.required') }];
  const initial: CaseValues = c.case ?? {
    title: c.title,
    lessons: '',
    scripts: [{ title: '', text: '' }],
    tags: [],
  };

  const submit = async (values: Values) => {
    // The form's fields are CaseValues' (below).
    const v = values as unknown as CaseValues;
    const body = {
      title: v.title,
      summary: v.summary ?? '',
      lessons: v.lessons,
      scripts: (v.scripts ?? []).filter((s) => s?.title?.trim() && s?.text?.trim()),
      tags: v.tags ?? [],
    };
    onDone(await save.mutateAsync({ params: { number: c.number }, body }));
  };

  return (
    <FormModal
      name="case"
      title={c.case ? t('case.edit') : t('case.mark')}
      submit={submit}
      pending={save.isPending}
      onClose={onClose}
      initialValues={{ ...initial }}
      width={720}
    >
      <Form.Item name="title" label={t('case.field.title')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t('case.field.summary')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="lessons" label={t('case.field.lessons')} rules={required}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('case.field.scripts')}
      </Typography.Text>
      <Form.List name="scripts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="start" data-testid={`case-script-${i}`}>
                <Form.Item
                  name={[field.name, 'title']}
                  label={t('case.field.scriptTitle')}
                  rules={required}
                  style={{ width: 180 }}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'text']}
                  label={t('case.field.scriptText')}
                  rules={required}
                  style={{ flex: 1 }}
                >
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('case.field.removeScript')}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            ))}
            {fields.length < 20 && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', text: '' })}
                block
              >
                {t('case.field.addScript')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Form.Item name="tags" label={t('case.field.tags')} style={{ marginTop: 16 }}>
        <Select mode="tags" maxCount={20} aria-label={t('case.field.tags')} />
      </Form.Item>
    </FormModal>
  );
}
