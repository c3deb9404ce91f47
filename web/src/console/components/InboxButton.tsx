import { Badge, Button, Drawer, List, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';

interface InboxItem {
  id: number;
  title: string;
  body: string;
  complaintNumber: string | null;
  createdAt: string;
  readAt: string | null;
}

const POLL_MS = 30_000;

/** The in-app notices with the unread count; polled, opened in a drawer. */
export function InboxButton({ icon }: { icon: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<{ items: InboxItem[]; unreadCount: number }>({
    items: [],
    unreadCount: 0,
  });
  const load = useCallback(() => api<typeof data>('/inbox?limit=30').then(setData), []);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  const openItem = async (item: InboxItem) => {
    if (!item.readAt) await api(`/inbox/${item.id}/read`, { method: 'POST' });
    await load();
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
