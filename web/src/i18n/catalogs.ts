import type { Locale as AntdLocale } from 'antd/es/locale';
// Ant Design's own default is English: its English words are on the first page anyway.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { type Messages, zh } from './zh-CN';

export type Locale = 'zh-CN' | 'en';

/** One language's words: Kesu's catalog and Ant Design's (date pickers, pagination, empty lists …). */
export interface Catalog {
  messages: Messages;
  antd: AntdLocale;
  /** dayjs's name for the language. */
  dayjs: string;
}

/**
 * Chinese, the default, is part of the first page; English comes in its own chunk when someone
 * chooses it (vite.config.ts gives the English catalog its own copy of each section — ADR 0013).
 */
const CHINESE: Catalog = { messages: zh, antd: zhCN, dayjs: 'zh-cn' };
const loaded: Partial<Record<Locale, Catalog>> = { 'zh-CN': CHINESE };
const loading: Partial<Record<Locale, Promise<Catalog>>> = {};

const loaders: Record<Locale, () => Promise<Catalog>> = {
  'zh-CN': async () => CHINESE,
  en: async () => ({ messages: (await import('./en')).en, antd: enUS, dayjs: 'en' }),
};

/** The catalog if it is here already (Chinese always is). */
export const catalogNow = (locale: Locale): Catalog | undefined => loaded[locale];

/** The catalog, fetched once; a failed fetch may be tried again. */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  const ready = loaded[locale];
  if (ready) return Promise.resolve(ready);
  loading[locale] ??= loaders[locale]().then(
    (catalog) => {
      loaded[locale] = catalog;
      return catalog;
    },
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  );
  return loading[locale];
}
