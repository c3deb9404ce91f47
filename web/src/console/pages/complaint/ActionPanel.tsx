import { DownOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiMutation } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { useSession } from '../../session';
import { ACTION_FORMS, type FormAction, PRIMARY, RISKY, type Values } from './actions';
import { COMPLAINT_READS, type ComplaintDetail } from './contract';
import { yuan } from './format';

type Key = Parameters<Translate>[0];

/** An action's form opened from elsewhere on the page with some values filled in (a recommended remedy). */
export interface ActionRequest {
  action: FormAction;
  values: Values;
}

/** Why a button is disabled, in words (the server said the action would be refused). */
function blockedReason(t: Translate, c: ComplaintDetail, action: string): string | null {
  const blocked = c.blockedActions.find((b) => b.action === action);
  if (!blocked) return null;
  const pending = c.remedies.find((r) => r.status === 'pending');
  return blocked.reason === 'beyond_authority'
    ? t('cp.blocked.beyond_authority', { amount: yuan(pending?.amount) })
    : t('cp.blocked.not_accepted');
}

/** The buttons of the actions this user may do now, each opening its form; risky ones apart, confirmed first. */
export function ActionPanel({
  complaint,
  request,
}: {
  complaint: ComplaintDetail;
  /** Opens that action's form pre-filled; a new object each time it is asked for. */
  request?: ActionRequest | null;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<{ action: FormAction; prefill: Values | null } | null>(null);
  useEffect(() => {
    if (request) setOpen({ action: request.action, prefill: request.values });
  }, [request]);
  const watching = complaint.watchers.some((w) => w.id === user?.userId);
  const invalidates = [...COMPLAINT_READS];
  const watch = useApiMutation('PUT', '/complaints/:number/watch', { invalidates });
  const unwatch = useApiMutation('DELETE', '/complaints/:number/watch', { invalidates });
  const toggle = watching ? unwatch : watch;

  const allowed = new Set<string>(complaint.allowedActions);
  if (allowed.has('update')) allowed.add('link');
  const actions = (Object.keys(ACTION_FORMS) as FormAction[]).filter((a) => allowed.has(a));
  const main = actions.filter((a) => !RISKY.includes(a));
  const risky = actions.filter((a) => RISKY.includes(a));
  const label = (a: string) => t(`cp.action.${a}` as Key);
  const confirmThen = (a: FormAction) =>
    modal.confirm({
      title: t('cp.risky.confirmTitle', { action: label(a) }),
      content: t(`cp.risky.${a}` as Key),
      okText: t('cp.risky.continue'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => setOpen({ action: a, prefill: null }),
    });
  const Form = open ? ACTION_FORMS[open.action] : null;

  return (
    <Space wrap data-testid="complaint-actions">
      {main.map((a) => {
        const reason = blockedReason(t, complaint, a);
        const button = (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            disabled={reason !== null}
            onClick={() => setOpen({ action: a, prefill: null })}
          >
            {label(a)}
          </Button>
        );
        return reason ? (
          <Tooltip key={a} title={reason}>
            <span data-testid={`blocked-${a}`}>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {allowed.has('watch') && (
        <Button
          loading={toggle.isPending}
          onClick={() =>
            toggle.mutate(
              { params: { number: complaint.number } },
              { onError: (e) => message.error(e.title) },
            )
          }
        >
          {watching ? t('cp.unwatch') : t('cp.action.watch')}
        </Button>
      )}
      {risky.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: risky.map((a) => ({ key: a, label: label(a), danger: true })),
            onClick: ({ key }) => confirmThen(key as FormAction),
          }}
        >
          <Button danger icon={<WarningOutlined />} data-testid="risky-actions">
            <Space size={4}>
              {t('cp.risky.menu')}
              <DownOutlined />
            </Space>
          </Button>
        </Dropdown>
      )}
      {open && Form && (
        <Form
          complaint={complaint}
          prefill={open.prefill}
          onClose={() => setOpen(null)}
          onDone={(after) => {
            setOpen(null);
            // A transfer to a unit the user does not see: the complaint has left their hands.
            if (after && !after.visible) {
              message.success(t('cp.leftYourSight', { number: after.number, unit: after.unit?.name ?? '' }));
              navigate('/workbench');
            } else message.success(t('cp.done', { action: label(open.action) }));
          }}
        />
      )}
    </Space>
  );
}
