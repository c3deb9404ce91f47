import { Button, Drawer, Typography, theme } from 'antd';
import type { CallOutput, EndpointAt } from '../../api/call';
import { useI18n } from '../../i18n';

export type InboxItem = CallOutput<EndpointAt<'GET', '/inbox'>>['items'][number];

/**
 * The notices in a drawer: its own chunk, fetched when someone first reaches for the bell. A plain list
 * of buttons (Ant Design's List is deprecated, and 30 notices need no virtual list): each one can be
 * reached and opened with the keyboard too.
 */
export default function InboxDrawer({
  open,
  items,
  unread,
  onReadAll,
  onClose,
  onOpenItem,
}: {
  open: boolean;
  items: InboxItem[];
  /** Unread notices, those beyond the list's 30 too. */
  unread: number;
  onReadAll(): void;
  onClose(): void;
  onOpenItem(item: InboxItem): void;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return (
    <Drawer
      title={t('nav.inbox')}
      open={open}
      onClose={onClose}
      size="large"
      extra={
        <Button size="small" disabled={unread === 0} onClick={onReadAll} data-testid="inbox-read-all">
          {t('inbox.readAll')}
        </Button>
      }
    >
      {items.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: token.padding }}>
          {t('common.none')}
        </Typography.Paragraph>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="inbox-items">
          {items.map((item) => (
            <li key={item.id} style={{ borderBottom: `1px solid ${token.colorSplit}` }}>
              <button
                type="button"
                onClick={() => onOpenItem(item)}
                style={{
                  display: 'block',
                  width: '100%',
                  padding: `${token.paddingSM}px 0`,
                  border: 0,
                  background: 'none',
                  textAlign: 'left',
                  font: 'inherit',
                  cursor: 'pointer',
                }}
              >
                <Typography.Text strong={!item.readAt} style={{ display: 'block' }}>
                  {item.title}
                </Typography.Text>
                <Typography.Text type="secondary">{item.body}</Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Drawer>
  );
}
