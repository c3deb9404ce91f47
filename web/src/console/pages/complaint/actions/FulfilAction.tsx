import { Form, Input, Radio, Select, Typography } from 'antd';
import { FULFILLED_KINDS, PROOF_FIELD } from '../../../../api/vocabularies';
import { type Translate, useI18n } from '../../../../i18n';
import { formatTime, yuan } from '../format';
import { useTermOf } from '../useTermOf';
import { complaintAction, type FieldsProps } from './ActionForm';
import { ReasonField, required } from './fields';

type Key = Parameters<Translate>[0];
const OUTCOMES = ['done', 'failed', 'cancelled'] as const;

/** The proof fields the remedy's kinds ask for, each once (退款流水号, 补寄运单号 …). */
const proofFields = (kinds: readonly string[]) => [
  ...new Set(
    kinds.flatMap((k) =>
      (FULFILLED_KINDS as readonly string[]).includes(k) ? [PROOF_FIELD[k as keyof typeof PROOF_FIELD]] : [],
    ),
  ),
];

function FulfilFields({ complaint: c }: FieldsProps) {
  const { t } = useI18n();
  const termOf = useTermOf();
  const outcome = Form.useWatch('outcome') as string | undefined;
  const remedy = c.remedies.find((r) => r.fulfilment?.status === 'pending');
  if (!remedy) return null;
  return (
    <>
      <Typography.Paragraph data-testid="fulfil-remedy">
        {t('ff.remedy', {
          kinds: remedy.kinds.map((k) => termOf('remedy', k)).join('、'),
          amount: yuan(remedy.amount),
          due: formatTime(remedy.fulfilment?.dueAt),
        })}
      </Typography.Paragraph>
      <Form.Item name="outcome" label={t('ff.outcome')} rules={required(t)}>
        <Radio.Group options={OUTCOMES.map((o) => ({ value: o, label: t(`ff.outcome.${o}` as Key) }))} />
      </Form.Item>
      {outcome === 'done' ? (
        <>
          {proofFields(remedy.kinds).map((field) => (
            <Form.Item
              key={field}
              name={['proof', field]}
              label={t(`ff.proof.${field}` as Key)}
              rules={required(t)}
            >
              {field === 'note' ? <Input.TextArea rows={2} maxLength={2000} /> : <Input maxLength={100} />}
            </Form.Item>
          ))}
          {c.evidence.length > 0 && (
            <Form.Item name={['proof', 'evidenceId']} label={t('ff.proof.evidenceId')}>
              <Select allowClear options={c.evidence.map((e) => ({ value: e.id, label: e.filename }))} />
            </Form.Item>
          )}
        </>
      ) : (
        outcome && <ReasonField label={t('ff.reason')} />
      )}
    </>
  );
}

/** 登记执行: the approved remedy carried out with the proof its kinds ask for, or failed or cancelled with a reason. */
export const FulfilAction = complaintAction(
  'fulfil',
  'POST',
  '/complaints/:number/fulfilment',
  FulfilFields,
  {
    initialValues: () => ({ outcome: 'done' }),
  },
);
