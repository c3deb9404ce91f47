import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { PendingPicksContext, usePendingPicks } from '../../../ui/pending-picks';
import { SearchSelect } from '../../../ui/SearchSelect';
import { categoryTree, useCategories } from '../../components/categories';
import { useStaffLabel } from '../../components/units';
import { UnitSelect } from '../complaint/actions/pickers';
import { ACTION_READS, problemText } from './shared';

interface Values {
  kind: 'corrective' | 'preventive';
  title: string;
  description: string;
  rootCause: string;
  plan: string;
  unitId: number;
  categoryId?: number;
  region?: string;
  ownerId: number;
  dueAt: Dayjs;
  effectDays: number;
  numbers: string;
}

/** The people of the chosen unit and below: the owner of the action. */
function OwnerSelect(props: { value?: number; onChange?: (v: number) => void }) {
  const unitId = Form.useWatch('unitId') as number | undefined;
  const staff = useApi('/staff', { query: { unitId } }, { enabled: unitId !== undefined });
  const staffLabel = useStaffLabel();
  return (
    <SearchSelect
      {...props}
      loading={staff.isFetching}
      options={(staff.data?.items ?? []).map((m) => ({
        value: m.id,
        label: staffLabel(m),
      }))}
      data-testid="ca-owner"
    />
  );
}

/**
 * 发起整改: the 5W1H of a new action for the complaints given (from a complaint page or the list,
 * where the numbers can be entered).
 */
export function NewActionModal({
  numbers,
  unitId,
  categoryId,
  onClose,
  onCreated,
}: {
  numbers: string[];
  unitId?: number;
  categoryId?: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const picks = usePendingPicks();
  const categories = useCategories();
  const create = useApiMutation('POST', '/corrective-actions', { invalidates: [...ACTION_READS] });
  const required = [{ required: true, message: t('ca.required') }];
  const submit = async (v: Values) => {
    try {
      const { id } = await create.mutateAsync({
        body: {
          kind: v.kind,
          title: v.title,
          description: v.description,
          rootCause: v.rootCause,
          plan: v.plan,
          unitId: v.unitId,
          categoryId: v.categoryId,
          region: v.region || undefined,
          ownerId: v.ownerId,
          dueAt: v.dueAt.endOf('day').toISOString(),
          effectDays: v.effectDays,
          complaintNumbers: [...new Set(v.numbers.split(/[\s,，]+/).filter(Boolean))],
        },
      });
      message.success(t('ca.created'));
      onCreated(id);
    } catch (e) {
      message.error(problemText(e, t('common.error')));
    }
  };
  return (
    <Modal
      open
      width={720}
      title={numbers.length > 1 ? t('ca.newFor', { count: numbers.length }) : t('ca.new')}
      onCancel={onClose}
      onOk={() => void picks.settled().then(() => form.submit())}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <PendingPicksContext.Provider value={picks}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{
            kind: 'corrective',
            unitId,
            categoryId,
            effectDays: 30,
            dueAt: dayjs().add(14, 'day'),
            numbers: numbers.join('\n'),
          }}
          data-testid="ca-form"
        >
          <Form.Item name="kind" label={t('ca.field.kind')}>
            <Radio.Group
              options={[
                { value: 'corrective', label: t('ca.kind.corrective') },
                { value: 'preventive', label: t('ca.kind.preventive') },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label={t('ca.field.title')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('ca.field.description')} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="rootCause" label={t('ca.field.rootCause')} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="plan" label={t('ca.field.plan')} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="unitId" label={t('ca.field.unit')} rules={required}>
            <UnitSelect onChange={() => form.setFieldValue('ownerId', undefined)} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('ca.field.category')}>
            <TreeSelect allowClear treeData={categoryTree(categories, locale === 'en')} />
          </Form.Item>
          <Form.Item name="region" label={t('ca.field.region')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="ownerId" label={t('ca.field.owner')} rules={required}>
            <OwnerSelect />
          </Form.Item>
          <Form.Item name="dueAt" label={t('ca.field.due')} rules={required}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="effectDays" label={t('ca.field.effectDays')}>
            <InputNumber min={1} max={365} />
          </Form.Item>
          <Form.Item
            name="numbers"
            label={t('ca.field.complaints')}
            extra={t('ca.field.complaintsHelp')}
            rules={required}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </PendingPicksContext.Provider>
    </Modal>
  );
}
