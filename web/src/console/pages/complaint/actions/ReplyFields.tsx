import { Alert, Form, type FormInstance, Input, Select } from 'antd';
import { REPLY_METHODS } from '../../../../api/vocabularies';
import { type Translate, useI18n, useWordsOf } from '../../../../i18n';
import type { ComplaintDetail } from '../contract';
import { yuan } from '../format';
import { ScriptPicker } from '../ScriptPicker';
import { termsOf } from '../useTermOf';
import { options, required } from './fields';

type Key = Parameters<Translate>[0];
const REPLY_PARTS = ['summary', 'actions', 'result', 'basis', 'followUp'] as const;
const TEMPLATES = ['delay', 'damage', 'attitude'] as const;

/** The approved remedy in words ("退款、致歉 ¥50.00"), or null when none was approved. */
function approvedRemedy(c: ComplaintDetail, t: Translate): string | null {
  const r = c.remedies.findLast((x) => x.status === 'approved' || x.status === 'executed');
  if (!r) return null;
  const termOf = termsOf(t);
  const kinds = r.kinds.map((k) => termOf('remedy', k)).join(c.complainant.locale === 'en' ? ', ' : '、');
  return r.amount > 0 ? `${kinds} ${yuan(r.amount)}` : kinds;
}

/** The five parts of a reply (回复), a template that fills them in (with the approved remedy), and 话术. */
export function ReplyFields({
  complaint,
  form,
  prefix = [],
}: {
  complaint: ComplaintDetail;
  form: FormInstance;
  prefix?: string[];
}) {
  const { t, locale } = useI18n();
  const customerLocale = complaint.complainant.locale;
  // The templates fill the reply in the words the customer reads.
  const customer = useWordsOf(customerLocale);
  const remedy = approvedRemedy(complaint, customer.t);
  const fill = (code: string) => {
    const params = { waybill: complaint.references.waybillNo ?? '—', number: complaint.number };
    const parts = Object.fromEntries(
      REPLY_PARTS.map((p) => [p, customer.t(`cp.template.${code}.${p}` as Key, params)]),
    );
    if (remedy) parts.result = `${parts.result}${customer.t('cp.template.remedy', { remedy })}`;
    form.setFieldsValue(prefix.reduceRight<Record<string, unknown>>((inner, p) => ({ [p]: inner }), parts));
  };
  return (
    <>
      {/* The reply's words reach the customer as written: say so when they read another language. */}
      {customerLocale !== locale && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="reply-customer-language"
          title={t('cp.reply.customerReads', { language: t(`language.${customerLocale}`) })}
        />
      )}
      <Form.Item label={t('cp.reply.template')} extra={t('cp.reply.templateHint')}>
        <Select
          aria-label={t('cp.reply.template')}
          options={TEMPLATES.map((c) => ({ value: c, label: t(`cp.template.${c}` as Key) }))}
          onChange={fill}
          allowClear
        />
      </Form.Item>
      <ScriptPicker number={complaint.number} form={form} parts={REPLY_PARTS} prefix={prefix} />
      <Form.Item name={[...prefix, 'method']} label={t('cp.reply.method')} rules={required(t)}>
        <Select options={options(t, 'method', REPLY_METHODS)} />
      </Form.Item>
      {REPLY_PARTS.map((p) => (
        <Form.Item key={p} name={[...prefix, p]} label={t(`cp.reply.${p}`)} rules={required(t)}>
          <Input.TextArea rows={2} />
        </Form.Item>
      ))}
    </>
  );
}
