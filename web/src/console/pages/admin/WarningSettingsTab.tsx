import { App, Button, Card, Flex, Form, type FormInstance, InputNumber, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../../api/client';
import { showFieldErrors } from '../../../api/form-errors';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import type { Answer } from './shared';
import { FestivalList, ScopeSensitivityList, SENSITIVITIES, type Sensitivity } from './WarningSettingsLists';

type Settings = Answer<'/settings/warnings'>;
/** The form's values: the settings, with the per-scope sensitivities as rows of a table. */
export type WarningValues = Omit<Settings, 'scopeSensitivity'> & {
  scopes: Array<{ key: string; sensitivity: Sensitivity }>;
};
const RULES = ['repeatCustomer', 'repeatWaybill', 'repeatPerson', 'repeatStation'] as const;

const toForm = ({ scopeSensitivity, ...rest }: Settings): WarningValues => ({
  ...rest,
  scopes: Object.entries(scopeSensitivity).map(([key, sensitivity]) => ({ key, sensitivity })),
});
const toBody = ({ scopes, ...rest }: WarningValues): Settings => ({
  ...rest,
  escalationWords: [...new Set(rest.escalationWords.map((w) => w.trim()).filter(Boolean))],
  scopeSensitivity: Object.fromEntries(
    (scopes ?? []).filter((s) => s.key?.trim()).map((s) => [s.key.trim(), s.sensitivity]),
  ),
  festivals: (rest.festivals ?? []).map((f) => ({ ...f, windows: f.windows ?? [] })),
});

/**
 * A refusal's field paths on the form: `/body/escalationWords/3` has no field of its own and is shown
 * on its nearest field (`escalationWords`); a per-scope key's refusal goes to the scope table.
 */
function onFields(form: FormInstance<WarningValues>, error: unknown): string[] {
  if (!(error instanceof ApiError)) return showFieldErrors(form, error);
  const names = new Set(form.getFieldsError().map((f) => `/body/${f.name.join('/')}`));
  const fields = error.fields.map((f) => {
    let path = f.path.replace(/^\/body\/scopeSensitivity(\/.*)?$/, '/body/scopes');
    while (!names.has(path) && path.split('/').length > 3) path = path.slice(0, path.lastIndexOf('/'));
    return { ...f, path };
  });
  return showFieldErrors(form, new ApiError(error.status, error.code, error.title, fields));
}

/** 预警设置: how readily spikes are raised, the repeat rules, escalation words, near-breach and festivals. */
export function WarningSettingsTab() {
  const query = useApi('/settings/warnings', {});
  return <QueryState query={query}>{(data) => <WarningSettingsForm data={data} />}</QueryState>;
}

function WarningSettingsForm({ data }: { data: Settings }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<WarningValues>();
  const put = useApiMutation('PUT', '/settings/warnings', { invalidates: ['/settings/warnings'] });
  useEffect(() => {
    form.setFieldsValue(toForm(data));
  }, [form, data]);

  const save = async (values: WarningValues) => {
    try {
      await put.mutateAsync({ body: toBody(values) });
      message.success(t('warn.settings.saved'));
    } catch (e) {
      const rest = onFields(form, e);
      message.error(rest.length ? rest.join(' ') : t('warn.settings.refused'));
    }
  };
  const int = (width = 120) => <InputNumber precision={0} style={{ width }} />;
  const sensitivities = SENSITIVITIES.map((s) => ({ value: s, label: t(`warn.settings.sensitivity.${s}`) }));

  return (
    <Form<WarningValues>
      form={form}
      layout="vertical"
      name="settings_warnings"
      initialValues={toForm(data)}
      onFinish={(v) => void save(v)}
      style={{ maxWidth: 920 }}
      data-testid="warning-settings"
    >
      <Typography.Paragraph type="secondary">{t('warn.settings.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Card size="small" title={t('warn.settings.spikes')}>
          <Form.Item
            name="sensitivity"
            label={t('warn.settings.sensitivity')}
            extra={t('warn.settings.sensitivityHelp')}
            rules={[{ required: true }]}
          >
            <Select options={sensitivities} style={{ width: 200 }} />
          </Form.Item>
          <ScopeSensitivityList options={sensitivities} />
        </Card>

        <Card size="small" title={t('warn.settings.repeats')}>
          <Typography.Paragraph type="secondary">{t('warn.settings.repeatsHelp')}</Typography.Paragraph>
          {RULES.map((rule) => (
            <Flex key={rule} gap={8} align="start" wrap data-testid={`warn-rule-${rule}`}>
              <Typography.Text style={{ width: 140, lineHeight: '32px' }}>
                {t(`warn.settings.${rule}`)}
              </Typography.Text>
              <Form.Item name={[rule, 'days']} rules={[{ required: true }]} style={{ marginBottom: 12 }}>
                <InputNumber
                  precision={0}
                  style={{ width: 150 }}
                  suffix={t('warn.settings.days')}
                  aria-label={`${t(`warn.settings.${rule}`)} ${t('warn.settings.days')}`}
                />
              </Form.Item>
              <Typography.Text style={{ lineHeight: '32px' }}>{t('warn.settings.within')}</Typography.Text>
              <Form.Item name={[rule, 'count']} rules={[{ required: true }]} style={{ marginBottom: 12 }}>
                <InputNumber
                  precision={0}
                  style={{ width: 150 }}
                  suffix={t('warn.settings.complaints')}
                  aria-label={`${t(`warn.settings.${rule}`)} ${t('warn.settings.count')}`}
                />
              </Form.Item>
            </Flex>
          ))}
        </Card>

        <Card size="small" title={t('warn.settings.escalation')}>
          <Form.Item
            name="escalationWords"
            label={t('warn.settings.words')}
            extra={t('warn.settings.wordsHelp')}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', '，', '、', ' ']}
              placeholder={t('warn.settings.wordsPlaceholder')}
              aria-label={t('warn.settings.words')}
              data-testid="warn-words"
            />
          </Form.Item>
          <Form.Item
            name="dissatisfiedAtMost"
            label={t('warn.settings.dissatisfied')}
            extra={t('warn.settings.dissatisfiedHelp')}
            rules={[{ required: true }]}
          >
            {int()}
          </Form.Item>
        </Card>

        <Card size="small" title={t('warn.settings.nearBreach')}>
          <Typography.Paragraph type="secondary">{t('warn.settings.nearBreachHelp')}</Typography.Paragraph>
          <Flex gap={16} wrap>
            <Form.Item
              name={['nearBreach', 'share']}
              label={t('warn.settings.share')}
              rules={[{ required: true }]}
              getValueProps={(v: number | null) => ({ value: v == null ? v : Math.round(v * 1000) / 10 })}
              normalize={(v: number | null) => (v == null ? v : Math.round(v * 10) / 1000)}
            >
              <InputNumber precision={1} style={{ width: 140 }} suffix="%" />
            </Form.Item>
            <Form.Item
              name={['nearBreach', 'minOpen']}
              label={t('warn.settings.minOpen')}
              rules={[{ required: true }]}
            >
              {int(140)}
            </Form.Item>
            <Form.Item
              name={['nearBreach', 'withinHours']}
              label={t('warn.settings.withinHours')}
              rules={[{ required: true }]}
            >
              {int(140)}
            </Form.Item>
          </Flex>
        </Card>

        <Card size="small" title={t('warn.settings.festivals')}>
          <Typography.Paragraph type="secondary">{t('warn.settings.festivalsHelp')}</Typography.Paragraph>
          <FestivalList />
        </Card>

        <div>
          <Button type="primary" htmlType="submit" loading={put.isPending} data-testid="warn-settings-save">
            {t('common.save')}
          </Button>
        </div>
      </Flex>
    </Form>
  );
}
