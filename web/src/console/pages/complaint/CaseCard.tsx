import { BookOutlined, DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { type CaseRecord, COMPLAINT_READS, type ComplaintDetail, CURATE_CASE, type Script } from './contract';
import { FormModal, type Values } from './FormModal';
import { formatTime } from './format';

interface CaseValues {
  title: string;
  summary?: string;
  lessons: string;
  scripts?: Script[];
  tags?: string[];
}

/** 案例: the complaint's case (lessons, 话术) and, for those allowed, marking, editing and removing it. */
export function CaseCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const remove = useApiMutation('DELETE', '/complaints/:number/case', { invalidates: [...COMPLAINT_READS] });
  const mayCurate = c.allowedActions.includes(CURATE_CASE);
  const blocked = c.blockedActions.some((b) => b.action === CURATE_CASE);
  if (!c.case && !mayCurate && !blocked) return null;

  const unmark = () =>
    remove.mutate(
      { params: { number: c.number } },
      { onSuccess: () => message.success(t('case.unmarked')), onError: (e) => message.error(e.title) },
    );

  return (
    <Card
      title={
        <Space>
          <BookOutlined />
          {t('case.section')}
        </Space>
      }
      size="small"
      data-testid="complaint-case"
      extra={
        blocked ? (
          <Tooltip title={t('cp.blocked.not_accepted')}>
            <span data-testid="blocked-curate_case">
              <Button size="small" disabled>
                {t('case.mark')}
              </Button>
            </span>
          </Tooltip>
        ) : (
          mayCurate && (
            <Space>
              <Button size="small" type={c.case ? 'default' : 'primary'} onClick={() => setEditing(true)}>
                {c.case ? t('case.edit') : t('case.mark')}
              </Button>
              {c.case && (
                <Popconfirm
                  title={t('case.unmarkConfirm')}
                  okText={t('case.unmark')}
                  cancelText={t('common.cancel')}
                  onConfirm={unmark}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>
                    {t('case.unmark')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        )
      }
    >
      {c.case ? (
        <CaseBody record={c.case} />
      ) : (
        <Typography.Text type="secondary">{t('case.notCase')}</Typography.Text>
      )}
      {editing && (
        <CaseForm
          complaint={c}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            message.success(c.case ? t('case.updated') : t('case.marked'));
          }}
        />
      )}
    </Card>
  );
}

function CaseBody({ record }: { record: CaseRecord }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong data-testid="case-title">
        {record.title}
      </Typography.Text>
      {record.summary && <Typography.Paragraph style={{ margin: 0 }}>{record.summary}</Typography.Paragraph>}
      <div>
        <Typography.Text type="secondary">{t('case.field.lessons')}: </Typography.Text>
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{record.lessons}</Typography.Text>
      </div>
      {record.scripts.map((s) => (
        <div key={s.title} style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
          <Typography.Text strong>{s.title}</Typography.Text>
          <Typography.Paragraph copyable style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {s.text}
          </Typography.Paragraph>
        </div>
      ))}
      {record.tags.length > 0 && (
        <Space wrap size={[4, 4]}>
          {record.tags.map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
        </Space>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cases.markedBy', { name: record.markedBy.name ?? '—', time: formatTime(record.markedAt) })}
      </Typography.Text>
    </Flex>
  );
}

function CaseForm({
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
