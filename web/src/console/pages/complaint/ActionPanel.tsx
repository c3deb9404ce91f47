import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  TreeSelect,
} from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../../../api/client';
import {
  LIABILITY_DEGREES as DEGREES,
  INTERNAL_ACTIONS,
  INVALID_REASONS,
  LIABLE_PARTIES,
  LINK_KINDS,
  REMEDY_KINDS,
  REPLY_METHODS,
  VALID_KINDS,
} from '../../../api/vocabularies';
import { type Translate, useI18n } from '../../../i18n';
import { type CategoryNode, categoryTree, useCategories } from '../../components/categories';
import { useSession } from '../../session';
import { ScriptPicker } from './ScriptPicker';
import type { ComplaintDetail, Person } from './types';

type Key = Parameters<Translate>[0];
type Values = Record<string, unknown>;

const REPLY_PARTS = ['summary', 'actions', 'result', 'basis', 'followUp'] as const;
const TEMPLATES = ['delay', 'damage', 'attitude'] as const;

/** The order of the buttons: the main path first, side paths after. */
const ORDER = [
  'update',
  'accept',
  'assign',
  'start',
  'judge',
  'assess',
  'propose',
  'approve',
  'reject',
  'reply',
  'confirm',
  'archive',
  'request_info',
  'resume',
  'contact',
  'transfer',
  'escalate',
  'reopen',
  'link',
  'merge',
  'withdraw',
  'invalidate',
];
const PRIMARY = new Set(['accept', 'start', 'approve', 'reply', 'archive']);

interface Unit {
  id: number;
  name: string;
  nameEn: string | null;
  active: boolean;
}
interface UserOption {
  id: number;
  displayName: string;
  active?: boolean;
}

interface ActionSpec {
  method: 'POST' | 'PUT' | 'PATCH';
  /** Below /complaints/:number; empty for the complaint itself. */
  path: string;
  /** The form's fields; none means a confirmation with an optional comment. */
  fields?: (ctx: FieldContext) => ReactNode;
  body?: (v: Values) => unknown;
  initial?: (c: ComplaintDetail, userId: number) => Values;
}

interface FieldContext {
  t: Translate;
  categories: CategoryNode[];
  complaint: ComplaintDetail;
  form: FormInstance;
  units: Unit[];
  users: UserOption[];
  unitLabel(u: Unit): string;
}

const required = (t: Translate) => [{ required: true, message: t('cp.field.required') }];
const options = (t: Translate, group: string, codes: readonly string[]) =>
  codes.map((c) => ({ value: c, label: t(`cp.${group}.${c}` as Key) }));
const comment = (t: Translate) => (
  <Form.Item name="comment" label={t('cp.field.comment')}>
    <Input.TextArea rows={2} maxLength={2000} />
  </Form.Item>
);
const reason = (t: Translate) => (
  <Form.Item name="reason" label={t('cp.field.reason')} rules={required(t)}>
    <Input.TextArea rows={3} maxLength={2000} />
  </Form.Item>
);
const clean = (v: Values) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));

function ReplyFields({ t, form, complaint, prefix = [] }: FieldContext & { prefix?: string[] }) {
  const params = { waybill: complaint.references.waybillNo ?? '—', number: complaint.number };
  const fill = (code: string) =>
    form.setFieldsValue(
      prefix.reduceRight<Values>(
        (inner, p) => ({ [p]: inner }),
        Object.fromEntries(REPLY_PARTS.map((p) => [p, t(`cp.template.${code}.${p}` as Key, params)])),
      ),
    );
  return (
    <>
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

function assigneeOptions(t: Translate, users: UserOption[], me: { userId: number; displayName: string }) {
  const list = users.some((u) => u.id === me.userId)
    ? users
    : [{ id: me.userId, displayName: t('cp.field.me', { name: me.displayName }) }, ...users];
  return list
    .filter((u) => u.active !== false)
    .map((u) => ({
      value: u.id,
      label: u.id === me.userId ? t('cp.field.me', { name: me.displayName }) : u.displayName,
    }));
}

const validityFields = (t: Translate, mandatory: boolean) => (
  <>
    <Form.Item name="validity" label={t('cp.validity')} rules={mandatory ? required(t) : []}>
      <Radio.Group options={options(t, 'validity', ['valid', 'invalid'])} />
    </Form.Item>
    <Form.Item noStyle dependencies={['validity']}>
      {({ getFieldValue }) =>
        getFieldValue('validity') === 'invalid' ? (
          <Form.Item name="invalidReason" label={t('cp.invalidReason')} rules={required(t)}>
            <Select options={options(t, 'invalidReason', INVALID_REASONS)} />
          </Form.Item>
        ) : (
          <Form.Item name="validityKind" label={t('cp.validityKind')}>
            <Select allowClear options={options(t, 'validKind', VALID_KINDS)} />
          </Form.Item>
        )
      }
    </Form.Item>
  </>
);

const SPECS: Record<string, ActionSpec> = {
  // 修改: classification and the record's references (PATCH /complaints/:number).
  update: {
    method: 'PATCH',
    path: '',
    initial: (c) => ({
      title: c.title,
      categoryId: c.category.id,
      categoryConfirmed: c.category.confirmed,
      priority: c.priority,
      tags: c.tags,
      waybillNo: c.references.waybillNo ?? undefined,
      orderNo: c.references.orderNo ?? undefined,
    }),
    fields: ({ t, categories }) => (
      <>
        <Form.Item name="title" label={t('cp.title')} rules={required(t)}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('cp.category')} rules={required(t)}>
          <TreeSelect
            treeData={categories}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
          />
        </Form.Item>
        <Form.Item name="categoryConfirmed" label={t('cp.field.categoryConfirmed')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="priority" label={t('cp.priority')} rules={required(t)}>
          <Select options={['P1', 'P2', 'P3', 'P4'].map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="tags" label={t('cp.tags')}>
          <Select mode="tags" maxCount={20} />
        </Form.Item>
        <Form.Item name="waybillNo" label={t('cp.ref.waybillNo')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="orderNo" label={t('cp.ref.orderNo')}>
          <Input maxLength={64} />
        </Form.Item>
        {comment(t)}
      </>
    ),
  },
  accept: { method: 'POST', path: 'accept' },
  start: { method: 'POST', path: 'start' },
  resume: { method: 'POST', path: 'resume' },
  archive: { method: 'POST', path: 'archive' },
  approve: { method: 'POST', path: 'approve' },
  assign: {
    method: 'POST',
    path: 'assign',
    initial: (c, me) => ({ unitId: c.unit?.id, assigneeId: c.assignee?.id ?? me }),
    fields: ({ t, units, unitLabel, complaint }) => (
      <>
        <Form.Item name="unitId" label={t('cp.field.unit')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: unitLabel(u) }))}
          />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('cp.field.assignee')}>
          <AssigneeSelect current={complaint.assignee} />
        </Form.Item>
        {comment(t)}
      </>
    ),
  },
  transfer: {
    method: 'POST',
    path: 'transfer',
    fields: ({ t, units, unitLabel, complaint }) => (
      <>
        <Form.Item name="unitId" label={t('cp.field.unit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: unitLabel(u) }))}
          />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('cp.field.assignee')}>
          <AssigneeSelect allowClear current={complaint.assignee} />
        </Form.Item>
        {reason(t)}
      </>
    ),
  },
  request_info: { method: 'POST', path: 'request-info', fields: ({ t }) => reason(t) },
  reject: { method: 'POST', path: 'reject', fields: ({ t }) => reason(t) },
  reopen: { method: 'POST', path: 'reopen', fields: ({ t }) => reason(t) },
  withdraw: { method: 'POST', path: 'withdraw', fields: ({ t }) => reason(t) },
  escalate: {
    method: 'POST',
    path: 'escalate',
    fields: ({ t }) => (
      <>
        {reason(t)}
        <Form.Item name="raisePriority" valuePropName="checked">
          <Checkbox>{t('cp.field.raisePriority')}</Checkbox>
        </Form.Item>
      </>
    ),
  },
  judge: {
    method: 'PUT',
    path: 'judgement',
    initial: (c) => ({
      liableParty: c.judgement?.liableParty,
      responsibleUnitId: c.judgement?.responsibleUnit?.id,
      responsiblePerson: c.judgement?.responsiblePerson ?? undefined,
      degree: c.judgement?.degree ?? undefined,
      basis: c.judgement?.basis ?? undefined,
      validity: c.validity?.validity,
      validityKind: c.validity?.kind ?? undefined,
      invalidReason: c.validity?.invalidReason ?? undefined,
    }),
    fields: ({ t, units, unitLabel }) => (
      <>
        <Form.Item name="liableParty" label={t('cp.liableParty')} rules={required(t)}>
          <Radio.Group options={options(t, 'liable', LIABLE_PARTIES)} />
        </Form.Item>
        <Form.Item name="responsibleUnitId" label={t('cp.responsibleUnit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.id, label: unitLabel(u) }))}
          />
        </Form.Item>
        <Form.Item name="responsiblePerson" label={t('cp.responsiblePerson')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="degree" label={t('cp.degree')}>
          <Radio.Group options={options(t, 'degree', DEGREES)} />
        </Form.Item>
        <Form.Item name="basis" label={t('cp.basis')} rules={required(t)}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {validityFields(t, false)}
      </>
    ),
  },
  assess: {
    method: 'PUT',
    path: 'validity',
    fields: ({ t }) => (
      <>
        {validityFields(t, true)}
        {comment(t)}
      </>
    ),
  },
  propose: {
    method: 'POST',
    path: 'remedies',
    initial: () => ({ amountYuan: 0 }),
    body: ({ amountYuan, internalActions, ...v }) => ({
      ...v,
      amount: Math.round(Number(amountYuan ?? 0) * 100),
      ...(Array.isArray(internalActions) && internalActions.length ? { internalActions } : {}),
    }),
    fields: ({ t }) => (
      <>
        <Form.Item name="kinds" label={t('cp.remedyKinds')} rules={required(t)}>
          <Checkbox.Group options={options(t, 'remedy', REMEDY_KINDS)} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('cp.amountYuan')} rules={required(t)}>
          <InputNumber min={0} step={1} precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="description" label={t('cp.description')} rules={required(t)}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="internalActions" label={t('cp.internalActions')}>
          <Checkbox.Group options={options(t, 'internal', INTERNAL_ACTIONS)} />
        </Form.Item>
      </>
    ),
  },
  reply: {
    method: 'POST',
    path: 'reply',
    initial: (c) => ({ method: c.complainant.preferredContact === 'email' ? 'email' : 'phone' }),
    fields: (ctx) => <ReplyFields {...ctx} />,
  },
  confirm: {
    method: 'POST',
    path: 'confirmation',
    fields: ({ t }) => (
      <>
        <Form.Item name="outcome" label={t('cp.field.outcome')} rules={required(t)}>
          <Radio.Group options={options(t, 'confirm', ['satisfied', 'unsatisfied'])} />
        </Form.Item>
        {comment(t)}
      </>
    ),
  },
  contact: {
    method: 'POST',
    path: 'contact-attempts',
    fields: ({ t }) => (
      <>
        <Form.Item name="outcome" label={t('cp.field.outcome')} rules={required(t)}>
          <Radio.Group
            options={[
              { value: 'reached', label: t('cp.contact.reached') },
              { value: 'unreachable', label: t('cp.contact.unreachable') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('cp.field.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </>
    ),
  },
  merge: {
    method: 'POST',
    path: 'merge',
    fields: ({ t }) => (
      <>
        <Form.Item name="into" label={t('cp.field.target')} rules={required(t)}>
          <Input maxLength={32} placeholder="KS20260101-000001" />
        </Form.Item>
        {reason(t)}
      </>
    ),
  },
  link: {
    method: 'POST',
    path: 'links',
    initial: () => ({ kind: 'related' }),
    fields: ({ t }) => (
      <>
        <Form.Item name="kind" label={t('cp.field.linkKind')} rules={required(t)}>
          <Select options={options(t, 'linkKind', LINK_KINDS)} />
        </Form.Item>
        <Form.Item name="number" label={t('cp.field.target')} rules={required(t)}>
          <Input maxLength={32} placeholder="KS20260101-000001" />
        </Form.Item>
        {comment(t)}
      </>
    ),
  },
  invalidate: {
    method: 'POST',
    path: 'invalidate',
    initial: () => ({ reply: { method: 'phone' } }),
    fields: (ctx) => (
      <>
        <Form.Item name="reason" label={ctx.t('cp.invalidReason')} rules={required(ctx.t)}>
          <Select options={options(ctx.t, 'invalidReason', INVALID_REASONS)} />
        </Form.Item>
        <Form.Item name="explanation" label={ctx.t('cp.field.explanation')} rules={required(ctx.t)}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <ReplyFields {...ctx} prefix={['reply']} />
      </>
    ),
  },
};

/** The assignee picker: the users the API lists (admins), else the signed-in user and the current assignee. */
function AssigneeSelect({
  current,
  ...props
}: {
  value?: number;
  onChange?: (v: number) => void;
  allowClear?: boolean;
  current: Person | null;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const users = useUsers();
  const known =
    current && current.id !== user?.userId && !users.some((u) => u.id === current.id)
      ? [...users, { id: current.id, displayName: current.name ?? String(current.id) }]
      : users;
  const opts = user ? assigneeOptions(t, known, user) : [];
  return <Select {...props} showSearch={{ optionFilterProp: 'label' }} options={opts} />;
}

let usersCache: Promise<UserOption[]> | null = null;
/** Colleagues to assign to (GET /staff: active staff of every unit, for any signed-in user). */
function useUsers(): UserOption[] {
  const [users, setUsers] = useState<UserOption[]>([]);
  useEffect(() => {
    usersCache ??= api<{ items: UserOption[] }>('/staff')
      .then((r) => r.items)
      .catch(() => []);
    let live = true;
    usersCache.then((u) => live && setUsers(u));
    return () => {
      live = false;
    };
  }, []);
  return users;
}

let unitsCache: Promise<Unit[]> | null = null;
function useUnits(): Unit[] {
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    unitsCache ??= api<{ items: Unit[] }>('/units')
      .then((r) => r.items)
      .catch(() => {
        unitsCache = null;
        return [];
      });
    let live = true;
    unitsCache.then((u) => live && setUnits(u));
    return () => {
      live = false;
    };
  }, []);
  return units;
}

/** An action's form opened from elsewhere on the page with some values filled in (a recommended remedy). */
export interface ActionRequest {
  action: string;
  values: Values;
}

/** The buttons of the actions this user may do now, each opening its form. */
export function ActionPanel({
  complaint,
  onChanged,
  request,
}: {
  complaint: ComplaintDetail;
  onChanged(c: ComplaintDetail): void;
  /** Opens that action's form pre-filled; a new object each time it is asked for. */
  request?: ActionRequest | null;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<string | null>(null);
  const [prefill, setPrefill] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!request) return;
    setPrefill(request.values);
    setOpen(request.action);
  }, [request]);
  const close = () => {
    setOpen(null);
    setPrefill(null);
  };
  const allowed = new Set(complaint.allowedActions);
  if (allowed.has('update')) allowed.add('link');
  const actions = ORDER.filter((a) => allowed.has(a));
  const watching = complaint.watchers.some((w) => w?.id === user?.userId);

  const toggleWatch = async () => {
    setBusy(true);
    try {
      const c = await api<ComplaintDetail>(`/complaints/${complaint.number}/watch`, {
        method: watching ? 'DELETE' : 'PUT',
      });
      onChanged(c);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap data-testid="complaint-actions">
      {actions.map((a) => (
        <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} onClick={() => setOpen(a)}>
          {t(`cp.action.${a}` as Key)}
        </Button>
      ))}
      {allowed.has('watch') && (
        <Button loading={busy} onClick={toggleWatch}>
          {watching ? t('cp.unwatch') : t('cp.action.watch')}
        </Button>
      )}
      {open && (
        <ActionModal
          action={open}
          complaint={complaint}
          prefill={prefill}
          onClose={close}
          onDone={(c) => {
            close();
            message.success(t('cp.done', { action: t(`cp.action.${open}` as Key) }));
            onChanged(c);
          }}
        />
      )}
    </Space>
  );
}

function ActionModal({
  action,
  complaint,
  prefill,
  onClose,
  onDone,
}: {
  action: string;
  complaint: ComplaintDetail;
  prefill: Values | null;
  onClose(): void;
  onDone(c: ComplaintDetail): void;
}) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const units = useUnits();
  const users = useUsers();
  const allCategories = useCategories();
  const categories = useMemo(() => categoryTree(allCategories, locale === 'en'), [allCategories, locale]);
  const spec = SPECS[action] ?? { method: 'POST', path: action };
  const initial = useMemo(
    () => ({ ...spec.initial?.(complaint, user?.userId ?? 0), ...prefill }),
    [spec, complaint, user, prefill],
  );
  const unitLabel = (u: Unit) => (locale === 'en' && u.nameEn ? u.nameEn : u.name);

  const submit = async () => {
    const values = (await form.validateFields()) as Values;
    setSaving(true);
    setError(null);
    try {
      const body = spec.body ? spec.body(values) : clean(values);
      const url = spec.path
        ? `/complaints/${complaint.number}/${spec.path}`
        : `/complaints/${complaint.number}`;
      const c = await api<ComplaintDetail>(url, {
        method: spec.method,
        body,
      });
      onDone(c);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError(t('common.error'));
        return;
      }
      setError(e.title);
      const named = e.fields
        .map((f) => ({
          name: f.path
            .split('/')
            .filter((p) => p && p !== 'body')
            .map((p) => (p === 'amount' ? 'amountYuan' : p)),
          errors: [f.message],
        }))
        .filter((f) => f.name.length > 0);
      form.setFields(named);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(`cp.action.${action}` as Key)}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={action === 'reply' || action === 'invalidate' ? 720 : 560}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initial} name={`action-${action}`}>
        {spec.fields ? spec.fields({ t, form, units, users, unitLabel, complaint, categories }) : comment(t)}
      </Form>
    </Modal>
  );
}
