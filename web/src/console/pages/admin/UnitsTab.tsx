import { Button, Form, Input, Select, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { ActiveTag, CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { UNIT_KINDS, type Unit, type UnitNode, unitOptions, unitTree } from './shared';

type UnitKind = (typeof UNIT_KINDS)[number];
interface UnitValues {
  parentId: number | null;
  name: string;
  nameEn?: string;
  kind: UnitKind;
  active?: boolean;
}
const invalidates = ['/units' as const, '/staff' as const];

/** The organisation tree (company → region/branch/store → department): create, rename, move, deactivate. */
export function UnitsTab({ units }: { units: Unit[] }) {
  const { t, locale } = useI18n();
  const tree = useMemo(() => unitTree(units), [units]);
  const label = (u: Unit) => (locale === 'en' && u.nameEn ? u.nameEn : u.name);
  const loaded = { data: tree, error: null, isPending: false, refetch: () => undefined };

  return (
    <CrudTable<UnitNode, UnitNode[]>
      query={loaded}
      rows={(d) => d}
      rowKey="id"
      addLabel={t('admin.units.new')}
      table={{ pagination: false, expandable: { defaultExpandAllRows: true } }}
      columns={[
        { title: t('admin.units.name'), key: 'name', render: (_, u) => label(u) },
        { title: t('admin.units.kind'), dataIndex: 'kind', render: (k: UnitKind) => t(`admin.kind.${k}`) },
        { title: t('admin.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
      ]}
      actions={(u, edit) => (
        <Button size="small" onClick={() => edit({ mode: 'create', defaults: { parentId: u.id } })}>
          {t('admin.units.addChild')}
        </Button>
      )}
      editor={(editing, close) => (
        <UnitModal editing={editing} units={units} label={label} root={tree[0]?.id ?? null} onClose={close} />
      )}
    />
  );
}

function UnitModal(props: {
  editing: Editing<UnitNode>;
  units: Unit[];
  label: (u: Unit) => string;
  root: number | null;
  onClose(): void;
}) {
  const { editing, units, label } = props;
  const { t } = useI18n();
  const create = useApiMutation('POST', '/units', { invalidates });
  const change = useApiMutation('PATCH', '/units/:id', { invalidates });
  const unit = editing.mode === 'edit' ? editing.row : null;
  // A unit cannot move under itself or its own subtree.
  const parents = useMemo(() => {
    const own = unit?.path;
    return unitOptions(unitTree(own ? units.filter((u) => !u.path.startsWith(own)) : units), label);
  }, [unit, units, label]);
  const required = { required: true, message: t('admin.required') };

  const submit = (v: UnitValues) => {
    const nameEn = v.nameEn?.trim() ? v.nameEn.trim() : null;
    if (!unit)
      return create.mutateAsync({
        body: { parentId: v.parentId ?? null, name: v.name, nameEn, kind: v.kind },
      });
    const moved = v.parentId && v.parentId !== unit.parentId ? { parentId: v.parentId } : {};
    return change.mutateAsync({
      params: { id: unit.id },
      body: { name: v.name, nameEn, kind: v.kind, active: v.active, ...moved },
    });
  };

  return (
    <EditModal<UnitValues>
      name="unit"
      title={unit ? t('admin.units.edit') : t('admin.units.new')}
      initialValues={
        unit
          ? {
              parentId: unit.parentId,
              name: unit.name,
              nameEn: unit.nameEn ?? undefined,
              kind: unit.kind,
              active: unit.active,
            }
          : {
              parentId: (editing.mode === 'create' && editing.defaults?.parentId) || props.root,
              kind: 'department',
            }
      }
      onSubmit={submit}
      savedText={(v) => (unit ? t('common.saved') : t('admin.units.created', { name: v.name }))}
      onClose={props.onClose}
    >
      <Form.Item name="parentId" label={t('admin.units.parent')}>
        <TreeSelect treeData={parents} treeDefaultExpandAll allowClear placeholder={t('admin.units.root')} />
      </Form.Item>
      <Form.Item name="name" label={t('admin.units.name')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('admin.units.nameEn')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('admin.units.kind')} rules={[required]}>
        <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) }))} />
      </Form.Item>
      {unit && (
        <Form.Item name="active" label={t('admin.status')} valuePropName="checked">
          <Switch checkedChildren={t('admin.active')} unCheckedChildren={t('admin.inactive')} />
        </Form.Item>
      )}
    </EditModal>
  );
}
