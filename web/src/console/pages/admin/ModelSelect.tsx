import { Select, type SelectProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';

/**
 * A classifier model by name: the built-in starters and the models trained here, each with how it
 * was trained, the one in use marked. Used by the settings and by 模型表现.
 */
export function ModelSelect(props: Omit<SelectProps<string>, 'options'>) {
  const { t } = useI18n();
  const list = useApi('/classification/models', {});
  // In use: read from the settings, so that the mark follows a save without reloading the list.
  const active = useApi('/settings/classification', {}).data?.model;
  const models = list.data?.items ?? [];
  return (
    <Select<string>
      showSearch
      optionFilterProp="value"
      style={{ maxWidth: 420 }}
      loading={list.isLoading}
      {...props}
      options={models.map((m) => ({
        value: m.name,
        label: (
          <span>
            {m.name} <Tag>{t(`classifier.model.${m.kind}`)}</Tag>
            {m.trainedAt && (
              <Typography.Text type="secondary">
                {t('classifier.model.trained', {
                  time: dayjs(m.trainedAt).format('YYYY-MM-DD HH:mm'),
                  rows: m.sampleCount ?? 0,
                })}
              </Typography.Text>
            )}
            {m.name === active && <Tag color="blue">{t('classifier.model.active')}</Tag>}
          </span>
        ),
      }))}
    />
  );
}
