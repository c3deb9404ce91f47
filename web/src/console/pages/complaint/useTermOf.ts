import { type Translate, useI18n } from '../../../i18n';

type Key = Parameters<Translate>[0];

/** t() of a vocabulary code, falling back to the code itself. */
export function useTermOf() {
  return termsOf(useI18n().t);
}

/** A vocabulary code in the words of `t` (the console's, or a customer's language). */
export function termsOf(t: Translate) {
  return (group: string, code: string | null | undefined) => {
    if (!code) return '—';
    const key = `cp.${group}.${code}`;
    const text = t(key as Key);
    return text === key ? code : text;
  };
}
