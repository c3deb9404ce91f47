import { BookOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { CaseForm } from './CaseForm';
import { type CaseRecord, COMPLAINT_READS, type ComplaintDetail, CURATE_CASE } from './contract';
import { formatTime } from './format';

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
