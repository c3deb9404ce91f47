import { App, Button, Card, DatePicker, Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryError } from '../../components/QueryState';
import { errorText } from '../admin/crud/setting';
import { FiguresPreview } from './FiguresPreview';
import { JudgementEditor } from './JudgementEditor';
import { PrepareForm } from './PrepareForm';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** 公示 (admins): prepare a month, preview its figures, edit the judgements' texts, publish and unpublish. */
export default function DisclosurePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const months = useApi('/disclosures', {});
  // A month not in the list is not asked for: no 404 in the browser's console for a month never prepared.
  const listed = months.data?.items.some((m) => m.month === month);
  const current = useApi('/disclosures/:month', { params: { month } }, { retry: false, enabled: !!listed });
  const notPrepared =
    (months.isSuccess && !listed) || (current.error instanceof ApiError && current.error.status === 404);
  const invalidates = ['/disclosures', '/disclosures/:month'] as const;
  const publish = useApiMutation('POST', '/disclosures/:month/publish', { invalidates: [...invalidates] });
  const unpublish = useApiMutation('POST', '/disclosures/:month/unpublish', {
    invalidates: [...invalidates],
  });
  const d = current.data;
  const published = d?.status === 'published';

  const toggle = async () => {
    try {
      await (published ? unpublish : publish).mutateAsync({ params: { month } });
      message.success(t(published ? 'dc.unpublished' : 'dc.published'));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="disclosure-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dc.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dc.intro')}</Typography.Paragraph>
      <Space wrap>
        <span>{t('dc.month')}</span>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(v) => v && setMonth(v.format('YYYY-MM'))}
          data-testid="month"
        />
        {months.data?.items.map((m) => (
          <Tag
            key={m.month}
            color={m.status === 'published' ? 'green' : 'default'}
            style={{ cursor: 'pointer' }}
            onClick={() => setMonth(m.month)}
          >
            {m.month} {t(`dc.status.${m.status}`)}
          </Tag>
        ))}
      </Space>
      <Card title={t('dc.prepare')}>
        <PrepareForm month={month} current={d} loading={current.isLoading || months.isLoading} />
      </Card>
      {current.error && !notPrepared && <QueryError error={current.error} retry={() => current.refetch()} />}
      {notPrepared && <Empty description={t('dc.notPrepared')} />}
      {d && (
        <Card
          title={
            <Space>
              {t('dc.preview')} {month}
              <Tag color={published ? 'green' : 'default'} data-testid="status">
                {t(`dc.status.${d.status}`)}
              </Tag>
            </Space>
          }
          extra={
            <Space wrap>
              <Typography.Text type="secondary">
                {d.publishedAt
                  ? t('dc.publishedAt', { at: at(d.publishedAt) })
                  : t('dc.preparedAt', { at: at(d.preparedAt) })}
              </Typography.Text>
              {published && (
                <a href={`/disclosure/${month}`} target="_blank" rel="noreferrer">
                  {t('dc.openPublic')}
                </a>
              )}
              <Button
                type={published ? 'default' : 'primary'}
                danger={published}
                loading={publish.isPending || unpublish.isPending}
                onClick={() => void toggle()}
                data-testid={published ? 'unpublish' : 'publish'}
              >
                {t(published ? 'dc.unpublish' : 'dc.publish')}
              </Button>
            </Space>
          }
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <FiguresPreview d={d} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('dc.judgements')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {published ? t('dc.lockedWhilePublished') : t('dc.judgements.hint')}
            </Typography.Text>
            {d.judgements.length ? (
              d.judgements.map((j) => (
                <JudgementEditor key={`${j.number}-${d.preparedAt}`} month={month} j={j} locked={published} />
              ))
            ) : (
              <Empty description={t('dc.judgements.none')} />
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}
