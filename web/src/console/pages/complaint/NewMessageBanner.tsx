import { Alert, Button } from 'antd';
import { useI18n } from '../../../i18n';
import type { ComplaintDetail } from './contract';
import { formatTime } from './format';

/**
 * A customer's message not yet answered by the staff (no staff message after it), announced at the
 * top of the page with a link to the conversation.
 */
export function NewMessageBanner({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const last = c.messages.at(-1);
  if (last?.author !== 'customer' || c.status === 'closed') return null;
  const excerpt = last.body.length > 80 ? `${last.body.slice(0, 79)}…` : last.body;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="new-message"
      title={t('cp.newMessage', { time: formatTime(last.createdAt), body: excerpt })}
      action={
        <Button
          size="small"
          onClick={() =>
            document.getElementById('complaint-messages')?.scrollIntoView({ behavior: 'smooth' })
          }
        >
          {t('cp.newMessage.view')}
        </Button>
      }
    />
  );
}
