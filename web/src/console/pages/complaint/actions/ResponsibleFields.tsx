import { Form, Input } from 'antd';
import { useState } from 'react';
import { useApi } from '../../../../api/hooks';
import { useI18n } from '../../../../i18n';
import { SearchSelect } from '../../../../ui/SearchSelect';

/** The three ways of naming the 责任人, of which a judgement takes one. */
const NAMINGS = ['responsibleUserId', 'responsiblePartyId', 'responsiblePerson'] as const;

/**
 * 责任人: a user of the responsible unit chosen above (or below it), or an external party; a typed
 * name when neither fits (and the names recorded before people were linked). Choosing one clears the
 * others, as the server takes only one.
 */
export function ResponsibleFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const only = (kept: (typeof NAMINGS)[number]) => (value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    form.setFieldsValue(Object.fromEntries(NAMINGS.filter((n) => n !== kept).map((n) => [n, undefined])));
  };
  const unitId = Form.useWatch('responsibleUnitId') as number | undefined;
  const [q, setQ] = useState('');
  const lookup = useApi('/people/lookup', { query: { ...(unitId ? { unitId } : {}), q } });
  const users = lookup.data?.users ?? [];
  const parties = lookup.data?.parties ?? [];
  // The text the lists answer: none while the server is still looking.
  const people = { onSearch: setQ, answers: lookup.data && !lookup.isFetching ? q : null };
  return (
    <>
      <Form.Item name="responsibleUserId" label={t('cp.responsibleUser')} extra={t('cp.responsibleHelp')}>
        <SearchSelect
          allowClear
          lookup={people}
          loading={lookup.isFetching}
          onChange={only('responsibleUserId')}
          options={users.map((u) => ({ value: u.id, label: `${u.name}（${u.unit}）` }))}
        />
      </Form.Item>
      <Form.Item name="responsiblePartyId" label={t('cp.responsibleParty')}>
        <SearchSelect
          allowClear
          lookup={people}
          onChange={only('responsiblePartyId')}
          options={parties.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
        />
      </Form.Item>
      <Form.Item name="responsiblePerson" label={t('cp.responsiblePerson')}>
        <Input maxLength={200} onChange={(e) => only('responsiblePerson')(e.target.value)} />
      </Form.Item>
    </>
  );
}
