import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useApi } from '../../../../api/hooks';
import { useI18n } from '../../../../i18n';

/**
 * 责任人: a user of the responsible unit chosen above (or below it), or an external party; a typed
 * name when neither fits (and the names recorded before people were linked).
 */
export function ResponsibleFields() {
  const { t } = useI18n();
  const unitId = Form.useWatch('responsibleUnitId') as number | undefined;
  const [q, setQ] = useState('');
  const lookup = useApi('/people/lookup', { query: { ...(unitId ? { unitId } : {}), q } });
  const users = lookup.data?.users ?? [];
  const parties = lookup.data?.parties ?? [];
  return (
    <>
      <Form.Item name="responsibleUserId" label={t('cp.responsibleUser')} extra={t('cp.responsibleHelp')}>
        <Select
          allowClear
          showSearch
          filterOption={false}
          onSearch={setQ}
          loading={lookup.isFetching}
          options={users.map((u) => ({ value: u.id, label: `${u.name}（${u.unit}）` }))}
        />
      </Form.Item>
      <Form.Item name="responsiblePartyId" label={t('cp.responsibleParty')}>
        <Select
          allowClear
          showSearch
          filterOption={false}
          onSearch={setQ}
          options={parties.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
        />
      </Form.Item>
      <Form.Item name="responsiblePerson" label={t('cp.responsiblePerson')}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
