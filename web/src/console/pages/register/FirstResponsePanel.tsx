import { CompassOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Typography } from 'antd';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';

/**
 * 首问指引: what to say and do first for the chosen category, and the playbooks (处置清单) that will
 * be attached for the major reasons ticked.
 */
export function FirstResponsePanel({
  categoryPath,
  majorReasons,
}: {
  categoryPath?: number[];
  majorReasons?: string[];
}) {
  const { t, locale } = useI18n();
  const categoryId = categoryPath?.at(-1);
  const reasons = majorReasons?.length ? [...majorReasons].sort().join(',') : undefined;
  const shown = useApi(
    '/first-response',
    { query: { ...(categoryId ? { categoryId } : {}), ...(reasons ? { majorReasons: reasons } : {}) } },
    { enabled: categoryId !== undefined || reasons !== undefined },
  );
  const guidance = shown.data?.guidance;
  const playbooks = shown.data?.playbooks ?? [];
  if (!guidance && playbooks.length === 0) return null;
  const en = locale === 'en';
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      data-testid="first-response"
      title={
        <Space>
          <CompassOutlined />
          {t('register.guidance.title')}
        </Space>
      }
    >
      {guidance && (
        <Typography.Paragraph style={{ margin: 0 }} data-testid="first-response-guidance">
          {en ? guidance.textEn : guidance.textZh}
        </Typography.Paragraph>
      )}
      {playbooks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: guidance ? 8 : 0 }}
          data-testid="first-response-playbooks"
          title={t('register.guidance.playbooks', {
            names: playbooks.map((p) => (en ? p.nameEn : p.nameZh)).join('、'),
          })}
        />
      )}
    </Card>
  );
}
