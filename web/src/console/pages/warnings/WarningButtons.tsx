import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { PendingPicksContext, usePendingPicks } from '../../../ui/pending-picks';
import { SearchSelect } from '../../../ui/SearchSelect';
import { useStaffLabel } from '../../components/units';
import { WARNING_READS, type WarningView } from './shared';

type Step = 'acknowledge' | 'assign' | 'resolve';

/** 确认 / 指派 / 解除 with a note, and 发起整改 with one click (or a link to the action opened). */
export function WarningButtons({ warning: w }: { warning: WarningView }) {
  const { t } = useI18n();
  const staffLabel = useStaffLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm<{ note?: string; ownerId?: number }>();
  const picks = usePendingPicks();
  const opts = { invalidates: [...WARNING_READS] };
  const acknowledge = useApiMutation('POST', '/warnings/:id/acknowledge', opts);
  const resolve = useApiMutation('POST', '/warnings/:id/resolve', opts);
  const assign = useApiMutation('PUT', '/warnings/:id/owner', opts);
  const openAction = useApiMutation('POST', '/warnings/:id/corrective-action', opts);
  const staff = useApi('/staff', { query: { unitId: w.unit.id } }, { enabled: step === 'assign' });
  const params = { id: w.id };
  const live = w.status !== 'resolved';
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.title : t('common.error'));

  const submit = async (v: { note?: string; ownerId?: number }) => {
    try {
      const body = { note: v.note || undefined };
      if (step === 'acknowledge') await acknowledge.mutateAsync({ params, body });
      if (step === 'resolve') await resolve.mutateAsync({ params, body });
      if (step === 'assign' && v.ownerId)
        await assign.mutateAsync({ params, body: { ...body, ownerId: v.ownerId } });
      message.success(t('warn.saved'));
      setStep(null);
      form.resetFields();
    } catch (e) {
      fail(e);
    }
  };
  const startAction = async () => {
    try {
      const { id } = await openAction.mutateAsync({ params, body: {} });
      message.success(t('warn.actionOpened'));
      navigate(`/corrective-actions/${id}`);
    } catch (e) {
      fail(e);
    }
  };
  if (!w.may.manage)
    return w.actionId ? (
      <Button onClick={() => navigate(`/corrective-actions/${w.actionId}`)}>{t('warn.seeAction')}</Button>
    ) : null;
  return (
    <Space wrap>
      {w.status === 'open' && (
        <Button type="primary" onClick={() => setStep('acknowledge')} data-testid="warn-acknowledge">
          {t('warn.action.acknowledge')}
        </Button>
      )}
      {live && <Button onClick={() => setStep('assign')}>{t('warn.action.assign')}</Button>}
      {w.actionId ? (
        <Button onClick={() => navigate(`/corrective-actions/${w.actionId}`)}>{t('warn.seeAction')}</Button>
      ) : (
        live &&
        w.complaints > 0 && (
          <Button onClick={startAction} loading={openAction.isPending} data-testid="warn-open-action">
            {t('warn.action.openAction')}
          </Button>
        )
      )}
      {live && (
        <Button danger onClick={() => setStep('resolve')}>
          {t('warn.action.resolve')}
        </Button>
      )}
      <Modal
        open={step !== null}
        title={step ? t(`warn.action.${step}`) : ''}
        onCancel={() => setStep(null)}
        onOk={() => void picks.settled().then(() => form.submit())}
        confirmLoading={acknowledge.isPending || resolve.isPending || assign.isPending}
        destroyOnHidden
      >
        <PendingPicksContext.Provider value={picks}>
          <Form form={form} layout="vertical" onFinish={submit}>
            {step === 'assign' && (
              <Form.Item name="ownerId" label={t('warn.owner')} rules={[{ required: true }]}>
                <SearchSelect
                  loading={staff.isPending}
                  options={(staff.data?.items ?? []).map((m) => ({
                    value: m.id,
                    label: staffLabel(m),
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('warn.note')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Form>
        </PendingPicksContext.Provider>
      </Modal>
    </Space>
  );
}
