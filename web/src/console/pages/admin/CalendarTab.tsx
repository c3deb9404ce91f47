import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Table, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { type Setting, useSetting } from './crud/setting';
import type { Answer } from './shared';

type CalendarSettings = Answer<'/settings/calendar'>;
type Interval = [number, number];
const DAY_LISTS = ['extraHolidays', 'extraWorkdays', 'removeHolidays'] as const;
type DayList = (typeof DAY_LISTS)[number];
/** The API's default: Monday to Friday, 09:00–18:00. */
const DEFAULT_HOURS: Record<string, Interval[]> = Object.fromEntries(
  [1, 2, 3, 4, 5].map((d) => [String(d), [[540, 1080]]]),
);
/** Monday first, as a Chinese week is read. */
const WEEK = ['1', '2', '3', '4', '5', '6', '0'] as const;

const toTime = (minutes: number) => dayjs().startOf('day').add(Math.min(minutes, 1439), 'minute');
const toMinutes = (d: Dayjs, end: boolean) => {
  const m = d.hour() * 60 + d.minute();
  return end && m === 1439 ? 1440 : m;
};

/** 工作日历: working periods per weekday and the business's own holidays and make-up days. */
export function CalendarTab() {
  const setting = useSetting('/settings/calendar');
  return (
    <QueryState query={setting.query}>{(data) => <CalendarForm data={data} setting={setting} />}</QueryState>
  );
}

function CalendarForm({ data, setting }: { data: CalendarSettings; setting: Setting<'/settings/calendar'> }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<CalendarSettings>(() => ({
    ...data,
    hours: data.hours ?? DEFAULT_HOURS,
  }));
  const hours = settings.hours ?? {};
  const setDay = (day: string, periods: Interval[]) =>
    setSettings({ ...settings, hours: { ...hours, [day]: periods } });
  const setList = (list: DayList, days: string[]) =>
    setSettings({ ...settings, [list]: [...new Set(days)].sort() });

  const save = async () => {
    const body: CalendarSettings = {
      ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
      hours: Object.fromEntries(Object.entries(hours).filter(([, p]) => p.length > 0)),
      extraHolidays: settings.extraHolidays ?? [],
      extraWorkdays: settings.extraWorkdays ?? [],
      removeHolidays: settings.removeHolidays ?? [],
    };
    const saved = await setting.save(body, t('admin.calendar.saved'));
    if (saved) setSettings({ ...saved, hours: saved.hours ?? DEFAULT_HOURS });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 860 }}>
      <div>
        <Typography.Title level={5}>{t('admin.calendar.hours')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('admin.calendar.hoursHelp')}</Typography.Paragraph>
        <Table
          rowKey="day"
          size="small"
          pagination={false}
          dataSource={WEEK.map((day) => ({ day }))}
          columns={[
            {
              title: t('admin.calendar.weekday'),
              dataIndex: 'day',
              width: 120,
              render: (day: string) => t(`admin.calendar.weekday.${day}` as 'admin.calendar.weekday.0'),
            },
            {
              title: t('admin.calendar.periods'),
              key: 'periods',
              render: (_, { day }) => {
                const periods = hours[day] ?? [];
                const dayName = t(`admin.calendar.weekday.${day}` as 'admin.calendar.weekday.0');
                return (
                  <Space wrap>
                    {periods.length === 0 && <Tag>{t('admin.calendar.dayOff')}</Tag>}
                    {periods.map(([start, end], i) => (
                      <Space.Compact key={`${day}-${start}-${end}`}>
                        <TimePicker.RangePicker
                          format="HH:mm"
                          minuteStep={5}
                          allowClear={false}
                          aria-label={`${dayName} ${i + 1}`}
                          value={[toTime(start), toTime(end)]}
                          onChange={(v) => {
                            if (!v?.[0] || !v[1]) return;
                            const next = [...periods];
                            next[i] = [toMinutes(v[0], false), toMinutes(v[1], true)];
                            setDay(day, next);
                          }}
                        />
                        <Button
                          icon={<MinusCircleOutlined />}
                          aria-label={t('admin.calendar.removePeriod')}
                          title={t('admin.calendar.removePeriod')}
                          onClick={() =>
                            setDay(
                              day,
                              periods.filter((_p, j) => j !== i),
                            )
                          }
                        />
                      </Space.Compact>
                    ))}
                    {periods.length < 6 && (
                      <Button
                        type="dashed"
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => {
                          const last = periods[periods.length - 1];
                          setDay(day, [
                            ...periods,
                            last && last[1] < 1380 ? [last[1] + 60, 1440] : [540, 1080],
                          ]);
                        }}
                      >
                        {t('admin.calendar.addPeriod')}
                      </Button>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('admin.calendar.days')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('admin.calendar.daysHelp')}</Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {DAY_LISTS.map((list) => {
            const days = settings[list] ?? [];
            return (
              <Card key={list} size="small" title={t(`admin.calendar.${list}`)}>
                <Space wrap>
                  {days.length === 0 && (
                    <Typography.Text type="secondary">{t('admin.calendar.noDays')}</Typography.Text>
                  )}
                  {days.map((d) => (
                    <Tag
                      key={d}
                      closable
                      onClose={() =>
                        setList(
                          list,
                          days.filter((x) => x !== d),
                        )
                      }
                    >
                      {d}
                    </Tag>
                  ))}
                  <DatePicker
                    size="small"
                    placeholder={t('admin.calendar.addDay')}
                    aria-label={`${t(`admin.calendar.${list}`)} ${t('admin.calendar.addDay')}`}
                    value={null}
                    onChange={(d: Dayjs | null) => d && setList(list, [...days, d.format('YYYY-MM-DD')])}
                  />
                </Space>
              </Card>
            );
          })}
        </Space>
      </div>
      <Button type="primary" loading={setting.saving} onClick={() => void save()}>
        {t('common.save')}
      </Button>
    </Space>
  );
}
