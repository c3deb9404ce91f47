import { Badge, Button } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApi, useApiMutation } from '../../api/hooks';
import { useI18n } from '../../i18n';
import type { InboxItem } from './InboxDrawer';
import { onDemand } from './on-demand';

const POLL_MS = 30_000;

// The drawer and its list are not part of the first page: fetched when the pointer or focus reaches
// the bell, so that they are usually here by the click.
const InboxDrawer = onDemand(() => import('./InboxDrawer'));

/** The in-app notices with the unread count; polled, opened in a drawer. */
export function InboxButton({ icon }: { icon: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing slides the drawer out.
  const [opened, setOpened] = useState(false);
  const inbox = useApi('/inbox', { query: { limit: 30 } }, { refetchInterval: POLL_MS });
  const data = inbox.data ?? { items: [], unreadCount: 0 };
  const markRead = useApiMutation('POST', '/inbox/:id/read', { invalidates: ['/inbox'] });
  const markAllRead = useApiMutation('POST', '/inbox/read-all', { invalidates: ['/inbox'] });
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
        <Button
          icon={icon}
          onPointerEnter={InboxDrawer.prefetch}
          onFocus={InboxDrawer.prefetch}
          onClick={() => {
            setOpened(true);
            setOpen(true);
          }}
          aria-label={t('nav.inbox')}
        />
      </Badge>
      {opened && (
        <Suspense fallback={null}>
          <InboxDrawer.Component
            open={open}
            items={data.items}
            unread={data.unreadCount}
            onReadAll={() => markAllRead.mutate({})}
            onClose={() => setOpen(false)}
            onOpenItem={openItem}
          />
        </Suspense>
      )}
    </>
  );
}
