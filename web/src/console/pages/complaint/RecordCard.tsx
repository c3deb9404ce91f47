import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { type Translate, useI18n } from '../../../i18n';
import type { ComplaintDetail } from './contract';
import { yuan } from './format';
import { useTermOf } from './useTermOf';

type Key = Parameters<Translate>[0];

/** Phone and e-mail as shown: masked, or opened by a recorded reveal. */
export interface ShownContact {
  phone: string | null;
  email: string | null;
}

/** 投诉记录: who complained, in their words, what they ask for, and how the complaint is filed. */
export function RecordCard({ complaint: c, contact }: { complaint: ComplaintDetail; contact: ShownContact }) {
  const { t, locale } = useI18n();
  const termOf = useTermOf();
  const { staffComplainedUser, staffComplainedParty, ...typed } = c.references;
  // The staff or party complained about, linked, shown by name beside the references typed in.
  const linked = staffComplainedUser?.name ?? staffComplainedParty?.name;
  const refs = Object.entries({ ...typed, ...(linked ? { staffComplained: linked } : {}) }).filter(
    ([, v]) => v,
  );
  const categoryPath = c.category.path.map((p) => (locale === 'en' ? p.nameEn : p.nameZh)).join(' / ');

  return (
    <Card title={t('cp.section.record')} size="small">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('cp.complainant')}>{c.complainant.name}</Descriptions.Item>
        <Descriptions.Item label={t('cp.identityVerified')}>
          {c.complainant.identityVerified ? t('cp.yes') : t('cp.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.phone')}>
          <span data-testid="complainant-phone">{contact.phone ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.email')}>
          <span data-testid="complainant-email">{contact.email ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.preferredContact')}>
          {c.complainant.preferredContact ? termOf('contactChannel', c.complainant.preferredContact) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.customerLocale')} span="filled">
          <span data-testid="complainant-locale">{t(`language.${c.complainant.locale}`)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('cp.content')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {c.content}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.demands')}>
          <Space wrap size={[4, 4]}>
            {c.demands.length === 0 ? '—' : c.demands.map((d) => <Tag key={d}>{termOf('demand', d)}</Tag>)}
            {c.demandAmount !== null && (
              <span>
                {t('cp.demandAmount')}: {yuan(c.demandAmount)}
              </span>
            )}
          </Space>
        </Descriptions.Item>
        {c.demandText && <Descriptions.Item label={t('cp.demandText')}>{c.demandText}</Descriptions.Item>}
        <Descriptions.Item label={t('cp.category')}>
          <Space>
            <span data-testid="complaint-category">{categoryPath || '—'}</span>
            <Tag color={c.category.confirmed ? 'green' : 'default'}>
              {c.category.confirmed ? t('cp.categoryConfirmed') : t('cp.categoryUnconfirmed')}
            </Tag>
          </Space>
        </Descriptions.Item>
        {c.majorReasons.length > 0 && (
          <Descriptions.Item label={t('cp.majorReasons')}>
            {c.majorReasons.map((r) => (
              <Tag key={r} color="red">
                {termOf('majorReason', r)}
              </Tag>
            ))}
          </Descriptions.Item>
        )}
        {c.tags.length > 0 && (
          <Descriptions.Item label={t('cp.tags')}>
            {c.tags.map((x) => (
              <Tag key={x}>{x}</Tag>
            ))}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('cp.references')}>
          {refs.length === 0 ? (
            '—'
          ) : (
            <Space wrap size={[16, 4]}>
              {refs.map(([k, v]) => (
                <span key={k}>
                  {t(`cp.ref.${k}` as Key)}: {v}
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
