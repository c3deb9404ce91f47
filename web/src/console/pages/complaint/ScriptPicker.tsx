import { Form, type FormInstance, Select, Space } from 'antd';
import { useState } from 'react';
import { useApi } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import type { OfferedScript } from './contract';

type Key = Parameters<Translate>[0];

/**
 * 话术 from the case library for this complaint (same category branch first): picking one inserts
 * its text into the chosen part of the reply, after what is already written there.
 */
export function ScriptPicker({
  number,
  form,
  parts,
  prefix,
}: {
  number: string;
  form: FormInstance;
  parts: readonly string[];
  prefix: string[];
}) {
  const { t } = useI18n();
  const offered = useApi('/complaints/:number/scripts', { params: { number } });
  const scripts: OfferedScript[] | null = offered.isError ? [] : (offered.data?.items ?? null);
  const [target, setTarget] = useState('result');

  const insert = (index: number) => {
    const script = scripts?.[index];
    if (!script) return;
    const name = [...prefix, target];
    const current = String(form.getFieldValue(name) ?? '').trimEnd();
    form.setFieldValue(name, current ? `${current}\n${script.text}` : script.text);
  };
  const cases = [...new Set((scripts ?? []).map((s) => s.caseNumber))];
  const options = cases.map((caseNumber) => {
    const first = scripts?.find((s) => s.caseNumber === caseNumber);
    return {
      label: `${first?.caseTitle ?? ''} · ${caseNumber}`,
      title: caseNumber,
      options: (scripts ?? []).flatMap((s, i) =>
        s.caseNumber === caseNumber ? [{ value: i, label: s.title, title: s.text }] : [],
      ),
    };
  });

  return (
    <Form.Item label={t('script.picker')} extra={t('script.pickerHint')}>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          aria-label={t('script.picker')}
          data-testid="script-picker"
          style={{ flex: 1 }}
          loading={scripts === null}
          value={null}
          placeholder={scripts?.length === 0 ? t('script.none') : t('script.placeholder')}
          disabled={scripts?.length === 0}
          options={options}
          onChange={(i: number) => insert(i)}
          optionRender={(o) => (
            <div>
              <div>{o.label}</div>
              <div style={{ color: '#8c8c8c', fontSize: 12, whiteSpace: 'normal' }}>{o.data.title}</div>
            </div>
          )}
        />
        <Select
          aria-label={t('script.target')}
          style={{ width: 160 }}
          value={target}
          onChange={setTarget}
          options={parts.map((p) => ({
            value: p,
            label: `${t('script.target')} ${t(`cp.reply.${p}` as Key)}`,
          }))}
        />
      </Space.Compact>
    </Form.Item>
  );
}
