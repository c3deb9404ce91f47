import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n';

export const SENSITIVITIES = ['low', 'normal', 'high'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** A day field (`YYYY-MM-DD` in the settings) as a date picker. */
const day = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => d?.format('YYYY-MM-DD'),
};

/** 分范围灵敏度: scope key (`category:12`, `unit:3`, `region:…`, `channel:…`) → sensitivity. */
export function ScopeSensitivityList({ options }: { options: Array<{ value: Sensitivity; label: string }> }) {
  const { t } = useI18n();
  return (
    <Form.Item
      label={t('warn.settings.scopes')}
      extra={t('warn.settings.scopesHelp')}
      style={{ marginBottom: 0 }}
    >
      <Form.List name="scopes">
        {(rows, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid="warn-scopes">
            {rows.length === 0 && (
              <Typography.Text type="secondary">{t('warn.settings.noScopes')}</Typography.Text>
            )}
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="start">
                <Form.Item
                  name={[row.name, 'key']}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ marginBottom: 0, width: 320 }}
                >
                  <Input placeholder={t('warn.settings.scopeKey')} aria-label={t('warn.settings.scopeKey')} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'sensitivity']}
                  rules={[{ required: true }]}
                  style={{ marginBottom: 0 }}
                >
                  <Select
                    options={options}
                    style={{ width: 160 }}
                    aria-label={t('warn.settings.sensitivity')}
                  />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined />}
                  aria-label={t('warn.settings.remove')}
                  title={t('warn.settings.remove')}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <div>
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ key: '', sensitivity: 'high' })}
              >
                {t('warn.settings.addScope')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 节日窗口: each festival's names and its windows (from–to), which the expected level allows for. */
export function FestivalList() {
  const { t } = useI18n();
  return (
    <Form.List name="festivals">
      {(festivals, { add, remove }) => (
        <Flex vertical gap={12} data-testid="warn-festivals">
          {festivals.map((f) => (
            <Card
              key={f.key}
              size="small"
              type="inner"
              title={
                <Flex gap={8} align="start" wrap style={{ paddingTop: 8 }}>
                  <Form.Item name={[f.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'nameZh']} rules={[{ required: true, whitespace: true }]}>
                    <Input
                      placeholder={t('warn.settings.nameZh')}
                      aria-label={t('warn.settings.nameZh')}
                      style={{ width: 180 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'nameEn']} rules={[{ required: true, whitespace: true }]}>
                    <Input
                      placeholder={t('warn.settings.nameEn')}
                      aria-label={t('warn.settings.nameEn')}
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                </Flex>
              }
              extra={
                <Button danger size="small" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)}>
                  {t('warn.settings.removeFestival')}
                </Button>
              }
            >
              <Form.List name={[f.name, 'windows']}>
                {(windows, w) => (
                  <Flex gap={8} wrap align="start">
                    {windows.map((win) => (
                      <Flex key={win.key} gap={4} align="start">
                        <Form.Item
                          name={[win.name, 'from']}
                          rules={[{ required: true }]}
                          style={{ marginBottom: 0 }}
                          {...day}
                        >
                          <DatePicker
                            allowClear={false}
                            aria-label={t('warn.settings.from')}
                            style={{ width: 130 }}
                          />
                        </Form.Item>
                        <Typography.Text style={{ lineHeight: '32px' }}>–</Typography.Text>
                        <Form.Item
                          name={[win.name, 'to']}
                          rules={[{ required: true }]}
                          style={{ marginBottom: 0 }}
                          {...day}
                        >
                          <DatePicker
                            allowClear={false}
                            aria-label={t('warn.settings.to')}
                            style={{ width: 130 }}
                          />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t('warn.settings.removeWindow')}
                          title={t('warn.settings.removeWindow')}
                          onClick={() => w.remove(win.name)}
                        />
                      </Flex>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => w.add()}>
                      {t('warn.settings.addWindow')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Card>
          ))}
          <div>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                add({ key: `custom-${Date.now().toString(36)}`, nameZh: '', nameEn: '', windows: [] })
              }
            >
              {t('warn.settings.addFestival')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
