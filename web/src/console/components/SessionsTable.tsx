import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { CallOutput, EndpointAt } from '../../api/call';
import { useI18n } from '../../i18n';

export type SessionRow = CallOutput<EndpointAt<'GET', '/auth/sessions'>>['items'][number];

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Signed-in sessions (会话): when, from where, with what; the current one marked; an action per row. */
export function SessionsTable(props: { sessions: SessionRow[]; action: (s: SessionRow) => ReactNode }) {
  const { t } = useI18n();
  return (
    <Table<SessionRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={props.sessions}
      columns={[
        { title: t('security.session.created'), dataIndex: 'createdAt', render: time },
        { title: t('security.session.lastSeen'), dataIndex: 'lastSeenAt', render: time },
        { title: t('security.session.address'), dataIndex: 'address' },
        { title: t('security.session.userAgent'), dataIndex: 'userAgent', ellipsis: true },
        {
          title: '',
          key: 'action',
          render: (_: unknown, s: SessionRow) =>
            s.current ? <Tag color="green">{t('security.session.current')}</Tag> : props.action(s),
        },
      ]}
    />
  );
}
