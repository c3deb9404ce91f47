import { useCallback } from 'react';
import { type Translate, useI18n } from '../../../i18n';
import type { Breakdown } from './BucketTable';
import type { Bucket } from './drill';

type Key = Parameters<Translate>[0];

/** How a bucket of each breakdown is named in the user's language. */
export function useBucketNames(): (breakdown: Breakdown) => (b: Bucket) => string {
  const { t, term, locale } = useI18n();
  /** A code of one of the page's own vocabularies ('' is "not set"); an unknown code shows as it is. */
  return useCallback(
    (breakdown: Breakdown) => (b: Bucket) => {
      const own = (prefix: string, key: string) => {
        const text = t(`${prefix}.${key}` as Key);
        return text === `${prefix}.${key}` ? key : text;
      };
      switch (breakdown) {
        case 'category':
        case 'unit':
          return (locale === 'en' ? (b.nameEn ?? b.nameZh) : b.nameZh) ?? b.key;
        case 'channel':
        case 'priority':
        case 'grade':
          return term(breakdown, b.key);
        case 'region':
          return b.key || t('an.region.');
        case 'validity':
          return own('an.validity', b.key);
        case 'liability':
          return own('an.liability', b.key);
        case 'repeat':
          return own('an.repeat', b.key);
      }
    },
    [t, term, locale],
  );
}
