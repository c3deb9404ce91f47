import { App, Button, Popconfirm } from 'antd';
import { ApiError } from '../../../../api/client';
import { useI18n } from '../../../../i18n';

/**
 * A risky action (delete, revoke, deactivate): a danger button that asks first, then runs and says
 * what happened (or the server's refusal in words).
 */
export function ConfirmButton(props: {
  label: string;
  /** The question, naming what is at stake. */
  confirm: string;
  run: () => Promise<unknown>;
  done: string;
  danger?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const danger = props.danger ?? true;
  return (
    <Popconfirm
      title={props.confirm}
      okText={props.label}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      onConfirm={async () => {
        try {
          await props.run();
          message.success(props.done);
        } catch (e) {
          message.error(e instanceof ApiError ? e.title : t('common.error'));
        }
      }}
    >
      <Button size="small" danger={danger}>
        {props.label}
      </Button>
    </Popconfirm>
  );
}
