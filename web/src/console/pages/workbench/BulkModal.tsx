import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { useApiMutation, useInvalidate } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { PendingPicksContext, usePendingPicks } from '../../../ui/pending-picks';
import { ReasonField } from '../complaint/actions/fields';
import { AssigneeSelect, UnitSelect } from '../complaint/actions/pickers';
import { COMPLAINT_READS } from '../complaint/contract';
import type { ComplaintRow } from './model';

export type BulkKind = 'accept' | 'assign' | 'transfer';

const TITLES = {
  accept: 'workbench.bulk.accept',
  assign: 'workbench.bulk.assign',
  transfer: 'workbench.bulk.transfer',
} as const;

interface Outcome {
  ok: number;
  failures: Array<{ number: string; message: string }>;
}

interface Props {
  kind: BulkKind | null;
  rows: ComplaintRow[];
  onClose(): void;
}

interface Values {
  unitId?: number;
  assigneeId?: number;
  reason?: string;
}

/** The three bulk actions, each the contract's own call for one complaint. */
function useBulkCalls() {
  const accept = useApiMutation('POST', '/complaints/:number/accept');
  const assign = useApiMutation('POST', '/complaints/:number/assign');
  const transfer = useApiMutation('POST', '/complaints/:number/transfer');
  return (kind: BulkKind, number: string, v: Values) => {
    const params = { number };
    const to = { unitId: v.unitId, assigneeId: v.assigneeId };
    if (kind === 'accept') return accept.mutateAsync({ params, body: {} });
    if (kind === 'assign') return assign.mutateAsync({ params, body: to });
    return transfer.mutateAsync({ params, body: { ...to, reason: v.reason ?? '' } });
  };
}

/**
 * Accept, assign or transfer the selected complaints, one request each, then a summary of what
 * failed; the lists are read again once, after the last.
 */
export function BulkModal({ kind, rows, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const picks = usePendingPicks();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = useBulkCalls();
  const invalidate = useInvalidate();

  const close = () => {
    form.resetFields();
    setOutcome(null);
    onClose();
  };

  const run = async (values: Values) => {
    if (!kind) return;
    setBusy(true);
    const result: Outcome = { ok: 0, failures: [] };
    for (const row of rows) {
      try {
        await send(kind, row.number, values);
        result.ok++;
      } catch (e) {
        const message = e instanceof ApiError ? e.fields[0]?.message || e.title : t('common.error');
        result.failures.push({ number: row.number, message });
      }
    }
    if (result.ok) await invalidate(COMPLAINT_READS);
    setBusy(false);
    setOutcome(result);
  };

  return (
    <Modal
      open={kind !== null}
      title={kind ? t(TITLES[kind]) : undefined}
      okText={outcome ? t('workbench.bulk.done') : t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => (outcome ? close() : void picks.settled().then(() => form.submit()))}
      onCancel={close}
      cancelButtonProps={{ style: outcome ? { display: 'none' } : undefined }}
      forceRender
    >
      {outcome && (
        <div data-testid="bulk-outcome">
          <Alert
            type={outcome.failures.length ? 'warning' : 'success'}
            showIcon
            title={t('workbench.bulk.summary', { ok: outcome.ok, failed: outcome.failures.length })}
          />
          {outcome.failures.length > 0 && (
            <ul style={{ marginTop: 12, paddingInlineStart: 20 }}>
              {outcome.failures.map((f) => (
                <li key={f.number}>{t('workbench.bulk.failure', f)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <PendingPicksContext.Provider value={picks}>
        <div hidden={!!outcome}>
          <Form form={form} layout="vertical" onFinish={run}>
            <p>
              {kind === 'accept'
                ? t('workbench.bulk.acceptConfirm', { count: rows.length })
                : t('workbench.selected', { count: rows.length })}
            </p>
            <Form.Item
              hidden={kind === 'accept'}
              name="unitId"
              label={t('workbench.bulk.unit')}
              rules={
                kind === 'transfer' ? [{ required: true, message: t('workbench.bulk.unitRequired') }] : []
              }
            >
              <UnitSelect allowClear onChange={() => form.setFieldValue('assigneeId', undefined)} />
            </Form.Item>
            <Form.Item
              hidden={kind === 'accept'}
              name="assigneeId"
              label={kind === 'assign' ? t('workbench.bulk.user') : t('workbench.bulk.userOptional')}
              rules={kind === 'assign' ? [{ required: true, message: t('workbench.bulk.userRequired') }] : []}
            >
              <AssigneeSelect allowClear current={null} />
            </Form.Item>
            {kind === 'transfer' && (
              <ReasonField label={t('workbench.bulk.reason')} message={t('workbench.bulk.reasonRequired')} />
            )}
          </Form>
        </div>
      </PendingPicksContext.Provider>
    </Modal>
  );
}
