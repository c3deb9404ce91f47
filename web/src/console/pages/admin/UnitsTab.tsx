import { Button, Input, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { activeField, FormFields } from './crud/FormFields';
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
      activeColumn
      addLabel={t('admin.units.new')}
      table={{ pagination: false, expandable: { defaultExpandAllRows: true } }}
      columns={[
        { title: t('admin.units.name'), key: 'name', render: (_, u) => label(u) },
        { title: t('admin.units.kind'), dataIndex: 'kind', render: (k: UnitKind) => t(`admin.kind.${k}`) },
      ]}
      actions={(u, edit) => (
        <Button size="small" onClick={() => edit({ mode: 'create', defaults: { parentId: u.id } })}>
          {t('admin.units.addChild')}
        </Button>
      )}
      editor={(editing) => (
        <UnitModal editing={editing} units={units} label={label} root={tree[0]?.id ?? null} />
      )}
    />
  );
}

function UnitModal(props: {
  editing: Editing<UnitNode>;
  units: Unit[];
  label: (u: Unit) => string;
  root: number | null;
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

  const initial: Partial<UnitValues> = unit
    ? { ...unit, nameEn: unit.nameEn ?? undefined }
    : {
        parentId: (editing.mode === 'create' && editing.defaults?.parentId) || props.root,
        kind: 'department',
      };
  const texts = {
    create: t('admin.units.new'),
    edit: t('admin.units.edit'),
    created: (v: UnitValues) => t('admin.units.created', { name: v.name }),
  };
  const kinds = UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) }));
  const placeholder = t('admin.units.root');
  return (
    <EditModal name="unit" texts={texts} initialValues={initial} onSubmit={submit}>
      <FormFields
        fields={[
          {
            name: 'parentId',
            label: t('admin.units.parent'),
            input: (
              <TreeSelect treeData={parents} treeDefaultExpandAll allowClear placeholder={placeholder} />
            ),
          },
          { name: 'name', label: t('admin.units.name'), required: true, input: <Input maxLength={100} /> },
          { name: 'nameEn', label: t('admin.units.nameEn'), input: <Input maxLength={100} /> },
          { name: 'kind', label: t('admin.units.kind'), required: true, input: <Select options={kinds} /> },
          !!unit && activeField(t),
        ]}
      />
    </EditModal>
  );
}
