import { Input, Select } from 'antd';
import { useState } from 'react';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { UnitSelect } from '../complaint/actions/pickers';
import { CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { activeField, FormFields } from './crud/FormFields';

type Party = CallOutput<EndpointAt<'GET', '/parties'>>['items'][number];
const KINDS = ['partner_station', 'courier_contractor', 'supplier', 'other'] as const;
interface PartyValues {
  kind: Party['kind'];
  code: string;
  name: string;
  unitId?: number;
  active?: boolean;
}
const invalidates = ['/parties' as const, '/people/lookup' as const];

/** 外部责任方: partner stations, courier contractors and suppliers a judgement can name; code unique. */
export function PartiesTab() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useApi('/parties', { query: { includeInactive: true, ...(q ? { q } : {}) } });
  return (
    <CrudTable<Party, NonNullable<typeof list.data>>
      query={list}
      activeColumn
      addLabel={t('party.add')}
      toolbar={
        <Input.Search allowClear onSearch={setQ} style={{ width: 240 }} placeholder={t('party.code')} />
      }
      columns={[
        { title: t('party.code'), dataIndex: 'code', width: 160 },
        { title: t('party.name'), dataIndex: 'name' },
        { title: t('party.kind'), dataIndex: 'kind', render: (k: Party['kind']) => t(`party.kind.${k}`) },
        { title: t('party.unit'), key: 'unit', render: (_, p) => p.unit?.name ?? '—' },
      ]}
      editor={(editing) => <PartyModal editing={editing} />}
    />
  );
}

function PartyModal({ editing }: { editing: Editing<Party> }) {
  const { t } = useI18n();
  const create = useApiMutation('POST', '/parties', { invalidates: [...invalidates] });
  const change = useApiMutation('PATCH', '/parties/:id', { invalidates: [...invalidates] });
  const party = editing.mode === 'edit' ? editing.row : null;
  const submit = (v: PartyValues) => {
    const body = { kind: v.kind, code: v.code.trim(), name: v.name.trim(), unitId: v.unitId ?? null };
    return party
      ? change.mutateAsync({ params: { id: party.id }, body: { ...body, active: v.active } })
      : create.mutateAsync({ body });
  };
  const initial: Partial<PartyValues> = party
    ? { kind: party.kind, code: party.code, name: party.name, unitId: party.unit?.id, active: party.active }
    : { kind: 'partner_station' };
  return (
    <EditModal
      name="party"
      texts={{ create: t('party.add'), edit: t('party.edit') }}
      initialValues={initial}
      onSubmit={submit}
    >
      <FormFields
        fields={[
          {
            name: 'kind',
            label: t('party.kind'),
            required: true,
            input: <Select options={KINDS.map((k) => ({ value: k, label: t(`party.kind.${k}`) }))} />,
          },
          { name: 'code', label: t('party.code'), required: true, input: <Input maxLength={64} /> },
          { name: 'name', label: t('party.name'), required: true, input: <Input maxLength={200} /> },
          { name: 'unitId', label: t('party.unit'), input: <UnitSelect allowClear /> },
          !!party && activeField(t),
        ]}
      />
    </EditModal>
  );
}
