import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { formats } from './format';

/**
 * 环比 or 同比 with an arrow: up red and down green when more is worse (complaints), the other way
 * round when more is better (rates like on-time or satisfaction). A relative change unless `format`
 * says otherwise (rates change in percentage points, scores in points).
 */
export function Change({
  label,
  value,
  moreIsBetter = false,
  format,
  testId,
}: {
  label: string;
  value: number | null | undefined;
  moreIsBetter?: boolean;
  format?: (v: number) => string;
  testId?: string;
}) {
  const { locale, t } = useI18n();
  const f = formats(locale);
  if (value === null || value === undefined)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {label} {t('an.noBase')}
      </Typography.Text>
    );
  const good = value === 0 ? undefined : value > 0 === moreIsBetter;
  const color = good === undefined ? undefined : good ? '#389e0d' : '#c4302b';
  const Arrow = value > 0 ? ArrowUpOutlined : value < 0 ? ArrowDownOutlined : MinusOutlined;
  return (
    <Space size={4} data-testid={testId}>
      {label && <Typography.Text type="secondary">{label}</Typography.Text>}
      <span style={{ color }}>
        <Arrow /> {(format ?? f.change)(value)}
      </span>
    </Space>
  );
}
