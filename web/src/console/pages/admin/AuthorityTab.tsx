import { Alert, App, Button, Form, InputNumber, Select, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorText } from './shared';

/** The roles that may approve a remedy, lowest first (the API's escalation chain). */
const APPROVERS = ['agent', 'supervisor', 'manager', 'executive'] as const;
const MAJOR_APPROVERS = ['supervisor', 'manager', 'executive'] as const;
type Approver = (typeof APPROVERS)[number];
type Mode = 'none' | 'limit' | 'unlimited';

interface AuthorityLimits {
  /** fen; null = no limit; a missing role approves nothing. */
  limits: Partial<Record<Approver, number | null>>;
  majorApprover: string;
}
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
  const { t } = useI18n();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [majorApprover, setMajorApprover] = useState('manager');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api<AuthorityLimits>('/settings/authority-limits')
      .then((a) => {
        setRows(toRows(a));
        setMajorApprover(a.majorApprover);
      })
      .catch((e) => setError(errorText(e, t('common.error'))));
  }, [t]);

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!rows) return <Spin />;

  const change = (role: Approver, patch: Partial<Row>) =>
    setRows(rows.map((r) => (r.role === role ? { ...r, ...patch } : r)));
  const missingAmount = rows.some((r) => r.mode === 'limit' && r.amount === null);

  const save = async () => {
    setSaving(true);
    try {
      const limits: AuthorityLimits['limits'] = {};
      for (const r of rows) {
        if (r.mode === 'unlimited') limits[r.role] = null;
        else if (r.mode === 'limit') limits[r.role] = Math.round((r.amount ?? 0) * 100);
      }
      const saved = await api<AuthorityLimits>('/settings/authority-limits', {
        method: 'PUT',
        body: { limits, majorApprover },
      });
      setRows(toRows(saved));
      setMajorApprover(saved.majorApprover);
      message.success(t('admin.authority.saved'));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
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
      <Button type="primary" loading={saving} disabled={missingAmount} onClick={() => void save()}>
        {t('common.save')}
      </Button>
    </Space>
  );
}
