import { ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { setApiLocale } from '../api/client';
import { type Catalog, catalogNow, type Locale, loadCatalog } from './catalogs';
import type { Messages } from './zh-CN';

export type { Locale } from './catalogs';

const STORAGE_KEY = 'kesu.locale';

type Key = Exclude<keyof Messages, 'terms'>;
export type Translate = (key: Key, params?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  /** Switches once the language's words are here: until then the page stays in the old language. */
  setLocale(locale: Locale): void;
  t: Translate;
  /** A vocabulary code (status, channel, priority…) in the current language. */
  term(group: keyof Messages['terms'], code: string | null | undefined): string;
}

type Words = Pick<I18n, 't' | 'term'>;

const I18nContext = createContext<I18n | null>(null);

function wordsOf(messages: Messages): Words {
  return {
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
}

/** People who ask their system for less motion get none (also makes animations no obstacle to automation). */
const THEME = {
  token: {
    colorPrimary: '#c4302b',
    motion: !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
  },
};

/** A link that names its language (`?lang=en`, the customer's notices) wins over the last one chosen here. */
const initialLocale = (): Locale => {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'en' || asked === 'zh-CN') return asked;
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
};

// Someone who chose English gets its words fetched at once, alongside the page's start.
const FIRST = initialLocale();
const firstCatalog = loadCatalog(FIRST);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<{ locale: Locale; catalog?: Catalog }>(() => ({
    locale: FIRST,
    catalog: catalogNow(FIRST),
  }));
  // The last language asked for: a slow fetch of an earlier choice does not override a later one.
  const wanted = useRef<Locale>(FIRST);
  useEffect(() => {
    // Without the words there is nothing to show yet (rather than keys); on failure, Chinese.
    if (!current.catalog)
      firstCatalog.then(
        (catalog) => setCurrent({ locale: FIRST, catalog }),
        () => setCurrent({ locale: 'zh-CN', catalog: catalogNow('zh-CN') }),
      );
  }, [current.catalog]);
  const { locale, catalog } = current;
  const value = useMemo<I18n | null>(() => {
    if (!catalog) return null;
    const messages = catalog.messages;
    setApiLocale(locale);
    dayjs.locale(catalog.dayjs);
    document.documentElement.lang = locale;
    return {
      locale,
      setLocale: (l) => {
        localStorage.setItem(STORAGE_KEY, l);
        wanted.current = l;
        loadCatalog(l).then(
          (next) => {
            if (wanted.current === l) setCurrent({ locale: l, catalog: next });
          },
          (error: unknown) => console.error(error),
        );
      },
      ...wordsOf(messages),
    };
  }, [locale, catalog]);
  if (!value || !catalog) return null;
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={catalog.antd} theme={THEME}>
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

/**
 * The words of a language other than the console's (a customer's, for what is written to them),
 * fetched on first use; the console's own words until they are here.
 */
export function useWordsOf(locale: Locale): Words {
  const own = useI18n();
  const [fetched, setFetched] = useState<{ locale: Locale; catalog: Catalog }>();
  const catalog = fetched?.locale === locale ? fetched.catalog : catalogNow(locale);
  useEffect(() => {
    if (!catalog)
      loadCatalog(locale).then(
        (c) => setFetched({ locale, catalog: c }),
        (error: unknown) => console.error(error),
      );
  }, [locale, catalog]);
  return useMemo(
    () => (locale === own.locale || !catalog ? own : wordsOf(catalog.messages)),
    [locale, own, catalog],
  );
}
