import { Form, type FormInstance } from 'antd';
import type { CSSProperties } from 'react';
import { PERMISSIONS } from '../../../../../../src/modules/complaints/permissions';
import { useApi } from '../../../../api/hooks';
import { useI18n } from '../../../../i18n';
import { SearchSelect } from '../../../../ui/SearchSelect';
import { useStaffLabel, useUnits } from '../../../components/units';
import { useSession } from '../../../session';
import type { Person } from '../contract';

// GET /units and GET /staff are not on the typed contract yet (S3 declares the organisation's
// endpoints); their answers are typed by the server's own view types meanwhile.
const STALE = 5 * 60_000;

/** A unit picker; only active units unless `all`. */
export function UnitSelect({
  all = false,
  ...props
}: {
  all?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  value?: number;
  onChange?: (v: number) => void;
}) {
  const units = useUnits();
  return (
    <SearchSelect
      {...props}
      options={units.filter((u) => all || u.active).map((u) => ({ value: u.id, label: u.label }))}
    />
  );
}

/** Roles whose people work complaints (may investigate them). */
const HANDLING_ROLES = Object.entries(PERMISSIONS)
  .filter(([, permissions]) => permissions.includes('start'))
  .map(([role]) => role);

/**
 * The handler picker: the active people of the unit chosen in the form's `unitId` (or `unitId`
 * given) and below it who may handle complaints; the signed-in user is named as such.
 */
export function AssigneeSelect({
  current,
  unitId,
  ...props
}: {
  value?: number;
  onChange?: (v: number) => void;
  allowClear?: boolean;
  current: Person | null;
  unitId?: number;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const staffLabel = useStaffLabel();
  const chosen = Form.useWatch('unitId') as number | undefined;
  const unit = chosen ?? unitId;
  const staff = useApi('/staff', { query: { unitId: unit } }, { staleTime: STALE });
  const people = (staff.data?.items ?? []).filter((m) => m.roles.some((r) => HANDLING_ROLES.includes(r)));
  const options = people.map((m) => ({
    value: m.id,
    label: m.id === user?.userId ? t('cp.field.me', { name: m.displayName }) : staffLabel(m),
  }));
  // The value already chosen stays named even when the chosen unit does not list them.
  if (props.value !== undefined && !people.some((m) => m.id === props.value)) {
    const name =
      props.value === current?.id ? current.name : props.value === user?.userId ? user.displayName : null;
    if (name) options.push({ value: props.value, label: name });
  }
  return (
    <SearchSelect {...props} loading={staff.isPending} options={options} data-testid="assignee-select" />
  );
}

/** The unit and, among its people, the handler: choosing another unit clears the handler. */
export function UnitAndAssignee({
  form,
  current,
  allowClear = false,
}: {
  form: FormInstance;
  current: Person | null;
  allowClear?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="unitId" label={t('cp.field.unit')}>
        <UnitSelect allowClear={allowClear} onChange={() => form.setFieldValue('assigneeId', undefined)} />
      </Form.Item>
      <Form.Item name="assigneeId" label={t('cp.field.assignee')}>
        <AssigneeSelect allowClear={allowClear} current={current} />
      </Form.Item>
    </>
  );
}
