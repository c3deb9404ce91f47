import { Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { Countdown } from '../workbench/Countdown';

/** The result page's facts: three in a row where there is room, two at 1024 px, one on a phone. */
export const COLUMNS = { xs: 1, md: 2, xl: 3 };

/** Where a registered complaint went: its unit, its handler if any, and the deadline to accept it. */
export function Destination({ number }: { number: string }) {
  const { t, locale } = useI18n();
  const found = useApi('/complaints', { query: { q: number, limit: 1 } });
  return (
    <QueryState query={found} isEmpty={(page) => page.items.length === 0} empty={null}>
      {(page) => {
        const c = page.items[0];
        if (!c) return null;
        return (
          <Descriptions
            size="small"
            column={COLUMNS}
            data-testid="registered-destination"
            items={[
              {
                key: 'unit',
                label: t('register.result.unit'),
                children: (
                  <span data-testid="registered-unit">
                    {(locale === 'en' ? c.unit.nameEn : null) ?? c.unit.name ?? '—'}
                  </span>
                ),
              },
              {
                key: 'assignee',
                label: t('register.result.assignee'),
                children: c.assignee ? (
                  <span data-testid="registered-assignee">{c.assignee.name}</span>
                ) : (
                  <Typography.Text type="secondary" data-testid="registered-assignee">
                    {t('register.result.unassigned')}
                  </Typography.Text>
                ),
              },
              {
                key: 'due',
                label: t('register.result.acceptBy'),
                children: c.dueAt ? (
                  <span data-testid="registered-due">
                    {dayjs(c.dueAt).format('MM-DD HH:mm')} <Countdown dueAt={c.dueAt} />
                  </span>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        );
      }}
    </QueryState>
  );
}
