import { type Translate, useI18n } from '../../../i18n';
import { useCategories } from '../../components/categories';
import { useUnitName } from '../../components/units';
import type { WarningSummary } from './shared';

type Key = Parameters<Translate>[0];

/** `单位：南山网点` / `Unit: Nanshan Station`: what a warning is about, named in the user's language. */
export function useScopeText(): (scope: WarningSummary['scope']) => string {
  const { t, term, locale } = useI18n();
  const unitName = useUnitName();
  const categories = useCategories();
  return ({ kind, key, label }) => {
    const name =
      kind === 'unit'
        ? unitName(Number(key), label)
        : kind === 'category' && locale === 'en'
          ? (categories.find((c) => c.id === Number(key))?.nameEn ?? label)
          : kind === 'channel'
            ? term('channel', key)
            : label;
    return t('warn.scopeText', { kind: t(`warn.scope.${kind}` as Key), name });
  };
}
