import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import type { ComplaintRow, StaffUser, Unit } from './model';

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
  units: Unit[];
  users: StaffUser[];
  onClose(changed: boolean): void;
}

interface Values {
  unitId?: number;
  assigneeId?: number;
  reason?: string;
}

/** Accept, assign or transfer the selected complaints, one request each, then a summary of what failed. */
export function BulkModal({ kind, rows, units, users, onClose }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const unitId = Form.useWatch('unitId', form);
  const people = users.filter((u) => u.active && (!unitId || u.unitId === null || u.unitId === unitId));

  const close = () => {
    const changed = outcome !== null;
    form.resetFields();
    setOutcome(null);
    onClose(changed);
  };

  const run = async (values: Values) => {
    setBusy(true);
    const result: Outcome = { ok: 0, failures: [] };
    for (const row of rows) {
      const body =
        kind === 'accept'
          ? {}
          : kind === 'assign'
            ? { unitId: values.unitId, assigneeId: values.assigneeId }
            : { unitId: values.unitId, assigneeId: values.assigneeId, reason: values.reason };
      try {
        await api(`/complaints/${row.number}/${kind}`, { body });
        result.ok++;
      } catch (e) {
        const message = e instanceof ApiError ? e.fields[0]?.message || e.title : t('common.error');
        result.failures.push({ number: row.number, message });
      }
    }
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
      onOk={() => (outcome ? close() : form.submit())}
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
            rules={kind === 'transfer' ? [{ required: true, message: t('workbench.bulk.unitRequired') }] : []}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={units
                .filter((u) => u.active)
                .map((u) => ({ value: u.id, label: locale === 'en' ? u.nameEn : u.name }))}
              onChange={() => form.setFieldValue('assigneeId', undefined)}
            />
          </Form.Item>
          <Form.Item
            hidden={kind === 'accept'}
            name="assigneeId"
            label={kind === 'assign' ? t('workbench.bulk.user') : t('workbench.bulk.userOptional')}
            rules={kind === 'assign' ? [{ required: true, message: t('workbench.bulk.userRequired') }] : []}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={people.map((u) => ({ value: u.id, label: u.displayName }))}
            />
          </Form.Item>
          {kind === 'transfer' && (
            <Form.Item
              name="reason"
              label={t('workbench.bulk.reason')}
              rules={[{ required: true, whitespace: true, message: t('workbench.bulk.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
