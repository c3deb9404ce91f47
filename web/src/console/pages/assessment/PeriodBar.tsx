import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n';
import { usePeriod } from './period';

/** The period picker (one month, or a range of months) and the export of what the page shows. */
export function PeriodBar({
  exportUrl,
  frozen,
}: {
  exportUrl: string;
  frozen: { closedAt: string; closedBy: string } | null;
}) {
  const { t } = useI18n();
  const period = usePeriod();
  return (
    <Space wrap>
      <span>{t('as.period')}</span>
      <DatePicker.RangePicker
        picker="month"
        allowClear={false}
        value={[dayjs(`${period.from}-01`), dayjs(`${period.to}-01`)]}
        onChange={(range) => {
          if (range?.[0] && range[1]) period.set([range[0], range[1]]);
        }}
        data-testid="period-picker"
      />
      {frozen ? (
        <Tag color="blue" data-testid="frozen">
          {t('as.frozen', { time: dayjs(frozen.closedAt).format('YYYY-MM-DD HH:mm'), name: frozen.closedBy })}
        </Tag>
      ) : (
        <Tag>{t('as.live')}</Tag>
      )}
      <Button icon={<DownloadOutlined />} href={exportUrl} download>
        {t('as.export')}
      </Button>
    </Space>
  );
}
