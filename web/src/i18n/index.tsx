import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { setApiLocale } from '../api/client';
import { en } from './en';
import { type Messages, zh } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const catalogs: Record<Locale, Messages> = { 'zh-CN': zh, en };
const STORAGE_KEY = 'kesu.locale';

type Key = Exclude<keyof Messages, 'terms'>;
export type Translate = (key: Key, params?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** A vocabulary code (status, channel, priority…) in the current language. */
  term(group: keyof Messages['terms'], code: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

/** People who ask their system for less motion get none (also makes animations no obstacle to automation). */
const THEME = {
  token: {
    colorPrimary: '#c4302b',
    motion: !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
  },
};

const initialLocale = (): Locale => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN');

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const value = useMemo<I18n>(() => {
    const messages = catalogs[locale];
    setApiLocale(locale);
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
    return {
      locale,
      setLocale: (l) => {
        localStorage.setItem(STORAGE_KEY, l);
        setLocaleState(l);
      },
      t: (key, params = {}) => {
        const text = messages[key];
        return typeof text === 'string'
          ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`))
          : String(key);
      },
      term: (group, code) => {
        if (!code) return '—';
        const names: Record<string, string> = messages.terms[group];
        return names[code] ?? code;
      },
    };
  }, [locale]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
