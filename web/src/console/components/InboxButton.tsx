import { Badge, Button, Drawer, List, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CallOutput, EndpointAt } from '../../api/call';
import { useApi, useApiMutation } from '../../api/hooks';
import { useI18n } from '../../i18n';

type InboxItem = CallOutput<EndpointAt<'GET', '/inbox'>>['items'][number];

const POLL_MS = 30_000;

/** The in-app notices with the unread count; polled, opened in a drawer. */
export function InboxButton({ icon }: { icon: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const inbox = useApi('/inbox', { query: { limit: 30 } }, { refetchInterval: POLL_MS });
  const data = inbox.data ?? { items: [], unreadCount: 0 };
  const markRead = useApiMutation('POST', '/inbox/:id/read', { invalidates: ['/inbox'] });
  const openItem = async (item: InboxItem) => {
    if (!item.readAt) await markRead.mutateAsync({ params: { id: item.id } });
    if (item.complaintNumber) {
      setOpen(false);
      navigate(`/complaints/${item.complaintNumber}`);
    }
  };
  return (
    <>
      <Badge count={data.unreadCount} size="small" data-testid="inbox-count">
        <Button icon={icon} onClick={() => setOpen(true)} aria-label={t('nav.inbox')} />
      </Badge>
      <Drawer title={t('nav.inbox')} open={open} onClose={() => setOpen(false)} size="large">
        <List
          dataSource={data.items}
          locale={{ emptyText: t('common.none') }}
          renderItem={(item) => (
            <List.Item onClick={() => openItem(item)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta
                title={<Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
                description={item.body}
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
