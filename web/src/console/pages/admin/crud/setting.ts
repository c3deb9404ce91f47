import { App } from 'antd';
import type { CallInput, CallOutput, EndpointAt, UrlsOf } from '../../../../api/call';
import { ApiError } from '../../../../api/client';
import { useApi, useApiMutation } from '../../../../api/hooks';
import { useI18n } from '../../../../i18n';

/** A setting: a URL of the contract read with GET and replaced with PUT. */
export type SettingUrl = Extract<UrlsOf<'GET'>, UrlsOf<'PUT'>>;
/** What the setting reads as. */
export type SettingOf<U extends SettingUrl> = CallOutput<EndpointAt<'GET', U>>;
/** What its PUT takes. */
export type SettingBody<U extends SettingUrl> =
  CallInput<EndpointAt<'PUT', U>> extends { body: infer B } ? B : never;
/** What its PUT answers. */
export type SettingSaved<U extends SettingUrl> = CallOutput<EndpointAt<'PUT', U>>;

type Query<D> = { data: D | undefined; error: unknown; isPending: boolean; refetch: () => unknown };

/** A setting as a page uses it: its read, and `save`. */
export type Setting<U extends SettingUrl> = SettingOfTypes<SettingOf<U>, SettingBody<U>, SettingSaved<U>>;
export interface SettingOfTypes<D, B, S = D> {
  /** Its URL (`/settings/privacy`), which also names its form (`settings_privacy`). */
  url: string;
  query: Query<D>;
  save: (body: B, savedText?: string, onError?: (e: unknown) => string[]) => Promise<S | undefined>;
  saving: boolean;
}

/**
 * Read a setting and replace it: `save` sends the body, says `savedText` (or 设置已保存) and answers
 * what was stored; a refusal is shown in words (its field messages on a form through `onError`) and
 * `save` answers undefined.
 */
export function useSetting<U extends SettingUrl>(url: U, also: UrlsOf<'GET'>[] = []) {
  // useApi/useApiMutation take their types from a literal URL and cannot follow a generic one: this
  // signature says what the setting reads, takes and answers; the work is done untyped below.
  return useAnySetting(url, also) as unknown as Setting<U>;
}

function useAnySetting(url: SettingUrl, also: UrlsOf<'GET'>[]): SettingOfTypes<unknown, never, unknown> {
  const { t } = useI18n();
  const { message } = App.useApp();
  // A setting's GET takes no input, its PUT only a body.
  const query = useApi(url, {} as never);
  const put = useApiMutation('PUT', url, { invalidates: [url, ...also] });
  const save = async (body: never, savedText?: string, onError?: (e: unknown) => string[]) => {
    try {
      const saved: unknown = await put.mutateAsync({ body } as never);
      message.success(savedText ?? t('admin.settings.saved'));
      return saved;
    } catch (e) {
      const words = onError?.(e) ?? [];
      if (words.length) message.error(words.join(' '));
      else if (!onError || !(e instanceof ApiError)) message.error(errorText(e, t('common.error')));
      return undefined;
    }
  };
  return { url, query, save, saving: put.isPending };
}

/** The server's refusal in words, or the fallback for anything else. */
export const errorText = (error: unknown, fallback: string) =>
  error instanceof ApiError ? error.title : fallback;
