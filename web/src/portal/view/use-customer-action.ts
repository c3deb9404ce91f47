import { App } from 'antd';
import type { CallInput, EndpointAt } from '../../api/call';
import { useApiMutation } from '../../api/hooks';
import { useI18n } from '../../i18n';
import type { Owner } from '../api';
import { trackingHeaders } from '../storage';

type ActionUrl =
  | '/portal/complaints/:number/messages'
  | '/portal/complaints/:number/confirmation'
  | '/portal/complaints/:number/survey'
  | '/portal/complaints/:number/withdraw';
type Body<U extends ActionUrl> = CallInput<EndpointAt<'POST', U>>['body'];

/**
 * A customer's action on their complaint: the complaint is read again when it succeeds, a failure
 * is told (not thrown). `run` answers whether it succeeded.
 */
export function useCustomerAction<U extends ActionUrl>(url: U, owner: Owner) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mutation = useApiMutation('POST', url, { invalidates: ['/portal/complaints/:number'] });
  const run = async (body: Body<U>): Promise<boolean> => {
    try {
      const input = { params: { number: owner.number }, body, headers: trackingHeaders(owner.proof) };
      // `body` was typed by this hook's signature; TypeScript cannot re-derive the mutation's input for a generic URL.
      await (mutation.mutateAsync as (i: typeof input) => Promise<unknown>)(input);
      return true;
    } catch (e) {
      message.error(t('portal.error.generic', { message: (e as Error).message }));
      return false;
    }
  };
  return { run, busy: mutation.isPending };
}
