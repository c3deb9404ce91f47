import { AutoComplete, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { OPEN_STATUSES, type Status } from '../../../../../../src/domain/complaint-model';
import { useApi } from '../../../../api/hooks';
import { useI18n } from '../../../../i18n';
import type { ComplaintDetail } from '../contract';
import { required } from './fields';

const DEBOUNCE_MS = 250;
const MIN_TEXT = 2;

interface Candidate {
  number: string;
  title: string;
  status: Status;
}

/**
 * The other complaint of a 合并 or a 关联: its number typed, or chosen from the customer's other
 * complaints and from the complaints the typed text finds (number, waybill, words). A merge offers
 * only complaints still open, as the server takes no other.
 */
export function TargetField({
  name,
  complaint,
  openOnly = false,
}: {
  name: string;
  complaint: ComplaintDetail;
  openOnly?: boolean;
}) {
  const { t, term } = useI18n();
  const typed = ((Form.useWatch(name) as string | undefined) ?? '').trim();
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useApi('/complaints', { query: { q, limit: 8 } }, { enabled: q.length >= MIN_TEXT });
  const fits = (c: Candidate) =>
    c.number !== complaint.number && (!openOnly || OPEN_STATUSES.includes(c.status));
  const option = (c: Candidate) => ({
    value: c.number,
    label: `${c.number} · ${c.title} · ${term('status', c.status)}`,
  });
  const others = complaint.customer?.otherComplaints.filter(fits) ?? [];
  const found = (q.length >= MIN_TEXT ? (search.data?.items ?? []) : []).filter(
    (c) => fits(c) && !others.some((o) => o.number === c.number),
  );
  const groups = [
    { label: t('cp.target.customerOthers'), options: others.map(option) },
    { label: t('cp.target.found'), options: found.map(option) },
  ].filter((g) => g.options.length);
  return (
    <Form.Item name={name} label={t('cp.field.target')} rules={required(t)} extra={t('cp.target.help')}>
      <AutoComplete options={groups} filterOption={false}>
        <Input maxLength={32} placeholder="KS20260101-000001" />
      </AutoComplete>
    </Form.Item>
  );
}
