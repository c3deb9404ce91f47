import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import {
  errorText,
  showFieldErrors,
  UNIT_KINDS,
  type Unit,
  type UnitNode,
  unitOptions,
  unitTree,
} from './shared';

type Editing = { mode: 'create'; parentId: number | null } | { mode: 'edit'; unit: Unit };

/** The organisation tree (company → region/branch/store → department): create, rename, move, deactivate. */
export function UnitsTab({ units, onChanged }: { units: Unit[]; onChanged: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<Editing | null>(null);
  const tree = useMemo(() => unitTree(units), [units]);
  const label = (u: Unit) => (locale === 'en' && u.nameEn ? u.nameEn : u.name);
  const kindName = (k: string) => t(`admin.kind.${k}` as 'admin.kind.company');

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create', parentId: tree[0]?.id ?? null })}
        >
          {t('admin.units.new')}
        </Button>
      </Space>
      <Table<UnitNode>
        rowKey="id"
        dataSource={tree}
        pagination={false}
        size="middle"
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: t('admin.units.name'), key: 'name', render: (_, u) => label(u) },
          { title: t('admin.units.kind'), dataIndex: 'kind', render: (k: string) => kindName(k) },
          {
            title: t('admin.status'),
            dataIndex: 'active',
            render: (a: boolean) =>
              a ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>,
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ mode: 'edit', unit: u })}>
                  {t('admin.edit')}
                </Button>
                <Button size="small" onClick={() => setEditing({ mode: 'create', parentId: u.id })}>
                  {t('admin.units.addChild')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UnitForm
          editing={editing}
          units={units}
          label={label}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await onChanged();
          }}
        />
      )}
    </>
  );
}

interface UnitValues {
  parentId: number | null;
  name: string;
  nameEn?: string;
  kind: string;
  active?: boolean;
}
const UNIT_FIELDS = ['parentId', 'name', 'nameEn', 'kind', 'active'] as const;

function UnitForm(props: {
  editing: Editing;
  units: Unit[];
  label: (u: Unit) => string;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { editing, units, label } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();
  const [saving, setSaving] = useState(false);
  // A unit cannot move under itself or its own subtree.
  const parents = useMemo(() => {
    const own = editing.mode === 'edit' ? editing.unit.path : null;
    return unitOptions(unitTree(own ? units.filter((u) => !u.path.startsWith(own)) : units), label);
  }, [editing, units, label]);
  const initial: UnitValues =
    editing.mode === 'create'
      ? { parentId: editing.parentId, name: '', kind: 'department' }
      : {
          parentId: editing.unit.parentId,
          name: editing.unit.name,
          nameEn: editing.unit.nameEn ?? undefined,
          kind: editing.unit.kind,
          active: editing.unit.active,
        };

  const save = async (v: UnitValues) => {
    setSaving(true);
    try {
      const nameEn = v.nameEn?.trim() ? v.nameEn.trim() : null;
      if (editing.mode === 'create') {
        await api('/units', { body: { parentId: v.parentId ?? null, name: v.name, nameEn, kind: v.kind } });
        message.success(t('admin.units.created', { name: v.name }));
      } else {
        await api(`/units/${editing.unit.id}`, {
          method: 'PATCH',
          body: {
            name: v.name,
            nameEn,
            kind: v.kind,
            active: v.active,
            ...(v.parentId && v.parentId !== editing.unit.parentId ? { parentId: v.parentId } : {}),
          },
        });
        message.success(t('common.saved'));
      }
      await props.onSaved();
    } catch (e) {
      if (!showFieldErrors(form, e, UNIT_FIELDS)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing.mode === 'create' ? t('admin.units.new') : t('admin.units.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} name="unit">
        <Form.Item name="parentId" label={t('admin.units.parent')}>
          <TreeSelect
            treeData={parents}
            treeDefaultExpandAll
            allowClear
            placeholder={t('admin.units.root')}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.units.name')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.units.nameEn')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('admin.units.kind')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) }))} />
        </Form.Item>
        {editing.mode === 'edit' && (
          <Form.Item name="active" label={t('admin.status')} valuePropName="checked">
            <Switch checkedChildren={t('admin.active')} unCheckedChildren={t('admin.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
