import { Button, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { MAJOR_APPROVERS } from '../../../../../src/modules/complaints/settings-schemas';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { type Setting, useSetting } from './crud/setting';
import type { Answer } from './shared';

/** The roles that may approve a remedy, lowest first (the API's escalation chain). */
const APPROVERS = ['agent', 'supervisor', 'manager', 'executive'] as const;
type Approver = (typeof APPROVERS)[number];
type Mode = 'none' | 'limit' | 'unlimited';

type AuthorityLimits = Answer<'/settings/authority-limits'>;
type Limits = Partial<Record<Approver, number | null>>;
interface Row {
  role: Approver;
  mode: Mode;
  /** yuan */
  amount: number | null;
}

const toRows = (a: AuthorityLimits): Row[] =>
  APPROVERS.map((role) => {
    if (!(role in a.limits)) return { role, mode: 'none', amount: null };
    const fen = a.limits[role];
    return fen === null || fen === undefined
      ? { role, mode: 'unlimited', amount: null }
      : { role, mode: 'limit', amount: fen / 100 };
  });

/** 处理权限: how much each role may grant alone; shown in yuan, stored in fen. */
export function AuthorityTab() {
  const setting = useSetting('/settings/authority-limits');
  return (
    <QueryState query={setting.query}>{(data) => <AuthorityForm data={data} setting={setting} />}</QueryState>
  );
}

function AuthorityForm({
  data,
  setting,
}: {
  data: AuthorityLimits;
  setting: Setting<'/settings/authority-limits'>;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[]>(() => toRows(data));
  const [majorApprover, setMajorApprover] = useState<(typeof MAJOR_APPROVERS)[number]>(
    () => MAJOR_APPROVERS.find((r) => r === data.majorApprover) ?? 'manager',
  );

  const change = (role: Approver, patch: Partial<Row>) =>
    setRows(rows.map((r) => (r.role === role ? { ...r, ...patch } : r)));
  const missingAmount = rows.some((r) => r.mode === 'limit' && r.amount === null);

  const save = async () => {
    const limits: Limits = {};
    for (const r of rows) {
      if (r.mode === 'unlimited') limits[r.role] = null;
      else if (r.mode === 'limit') limits[r.role] = Math.round((r.amount ?? 0) * 100);
    }
    const saved = await setting.save({ limits, majorApprover }, t('admin.authority.saved'));
    if (saved) setRows(toRows(saved));
  };

  const roleName = (r: string) => t(`admin.role.${r}` as 'admin.role.agent');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t('admin.authority.intro')}</Typography.Paragraph>
      <Table<Row>
        rowKey="role"
        dataSource={rows}
        pagination={false}
        size="middle"
        columns={[
          { title: t('admin.authority.role'), dataIndex: 'role', render: (r: string) => roleName(r) },
          {
            title: t('admin.authority.mode'),
            dataIndex: 'mode',
            render: (mode: Mode, r) => (
              <Select<Mode>
                value={mode}
                style={{ width: 160 }}
                aria-label={`${roleName(r.role)} ${t('admin.authority.mode')}`}
                onChange={(m) => change(r.role, { mode: m, amount: m === 'limit' ? (r.amount ?? 0) : null })}
                options={(['none', 'limit', 'unlimited'] as const).map((m) => ({
                  value: m,
                  label: t(`admin.authority.mode.${m}`),
                }))}
              />
            ),
          },
          {
            title: t('admin.authority.amount'),
            dataIndex: 'amount',
            render: (amount: number | null, r) =>
              r.mode === 'limit' ? (
                <InputNumber<number>
                  value={amount}
                  min={0}
                  precision={2}
                  prefix="¥"
                  style={{ width: 180 }}
                  aria-label={`${roleName(r.role)} ${t('admin.authority.amount')}`}
                  data-testid={`authority-${r.role}`}
                  status={amount === null ? 'error' : undefined}
                  onChange={(v) => change(r.role, { amount: v })}
                />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
      <Form layout="vertical">
        <Form.Item label={t('admin.authority.majorApprover')} htmlFor="major-approver">
          <Select
            id="major-approver"
            value={majorApprover}
            style={{ width: 240 }}
            onChange={setMajorApprover}
            options={MAJOR_APPROVERS.map((r) => ({ value: r, label: roleName(r) }))}
          />
        </Form.Item>
      </Form>
      <Button type="primary" loading={setting.saving} disabled={missingAmount} onClick={() => void save()}>
        {t('common.save')}
      </Button>
    </Space>
  );
}
