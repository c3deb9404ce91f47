import { Descriptions, Modal, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { SessionsTable } from '../../components/SessionsTable';
import { ConfirmButton } from './crud/ConfirmButton';
import type { AdminUser } from './shared';

const invalidates = ['/users/:id/security' as const];

/** 账号安全 of one user, for the admin: lift a lockout, reset two-step verification, end sessions. */
export function UserSecurityModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useI18n();
  const params = { id: user.id };
  const security = useApi('/users/:id/security', { params });
  const unlock = useApiMutation('POST', '/users/:id/unlock', { invalidates });
  const resetTotp = useApiMutation('DELETE', '/users/:id/totp', { invalidates });
  const endOne = useApiMutation('DELETE', '/users/:id/sessions/:sessionId', { invalidates });
  const endAll = useApiMutation('DELETE', '/users/:id/sessions', { invalidates });
  const name = user.displayName;
  return (
    <Modal open width={860} title={t('security.admin.title', { name })} onCancel={onClose} footer={null}>
      <QueryState query={security}>
        {(s) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('admin.users.username')}>{user.username}</Descriptions.Item>
              <Descriptions.Item label={t('security.admin.lock')}>
                <Space data-testid="user-lock">
                  {s.lockedUntil ? (
                    <Tag color="red">
                      {t('security.admin.locked', { time: dayjs(s.lockedUntil).format('YYYY-MM-DD HH:mm') })}
                    </Tag>
                  ) : (
                    <Tag>{t('security.admin.notLocked')}</Tag>
                  )}
                  {s.failures > 0 && t('security.admin.failures', { count: s.failures })}
                  {(s.lockedUntil || s.failures > 0) && (
                    <ConfirmButton
                      danger={false}
                      label={t('security.admin.unlock')}
                      confirm={t('security.admin.unlockConfirm', { name })}
                      run={() => unlock.mutateAsync({ params })}
                      done={t('security.admin.unlocked')}
                    />
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('security.totp')}>
                <Space>
                  <Tag color={s.totpEnabled ? 'green' : undefined}>
                    {s.totpEnabled ? t('security.totpOn') : t('security.totpOff')}
                  </Tag>
                  {s.totpEnabled && (
                    <ConfirmButton
                      label={t('security.admin.resetTotp')}
                      confirm={t('security.admin.resetTotpConfirm', { name })}
                      run={() => resetTotp.mutateAsync({ params })}
                      done={t('security.admin.totpReset')}
                    />
                  )}
                </Space>
              </Descriptions.Item>
            </Descriptions>
            <SessionsTable
              sessions={s.sessions}
              action={(session) => (
                <ConfirmButton
                  label={t('security.end')}
                  confirm={t('security.endConfirm')}
                  run={() => endOne.mutateAsync({ params: { id: user.id, sessionId: session.id } })}
                  done={t('security.ended')}
                />
              )}
            />
            {s.sessions.length > 0 && (
              <ConfirmButton
                label={t('security.admin.endAll')}
                confirm={t('security.admin.endAllConfirm', { name })}
                run={() => endAll.mutateAsync({ params })}
                done={t('security.ended')}
              />
            )}
          </Space>
        )}
      </QueryState>
    </Modal>
  );
}
