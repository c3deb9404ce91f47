import { Card, Descriptions, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { CustomerView } from '../api';
import { yuan } from './format';

/** What the customer complained about, in their words, with the category, demands and references. */
export function ComplaintDetails({ view }: { view: CustomerView }) {
  const { t, locale } = useI18n();
  const category = view.category.map((c) => (locale === 'en' ? c.nameEn : c.nameZh)).join(' / ');
  const optional = (key: string, label: string, value: string | null | false) =>
    value ? [{ key, label, children: value }] : [];
  return (
    <Card size="small" title={t('portal.view.complaint')}>
      <Typography.Paragraph strong className="portal-wrap">
        {view.title}
      </Typography.Paragraph>
      <Typography.Paragraph className="portal-wrap">{view.content}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'category', label: t('portal.view.category'), children: category },
          ...optional(
            'demands',
            t('portal.view.demands'),
            view.demands.length > 0 &&
              view.demands
                .map((d) => t(`portal.demand.${d}` as 'portal.demand.other'))
                .join(locale === 'en' ? ', ' : '、'),
          ),
          ...optional(
            'amount',
            t('portal.view.demandAmount'),
            view.demandAmount !== null && yuan(view.demandAmount),
          ),
          ...optional('waybill', t('portal.view.waybillNo'), view.references.waybillNo),
          ...optional('order', t('portal.view.orderNo'), view.references.orderNo),
        ]}
      />
    </Card>
  );
}
