import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A language as stored (a user's, a report's): English when it says so, else Chinese. */
export const asLocale = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'zh-CN');

/** Names in a row as each language writes them: 退款、道歉 / refund, apology. */
export const listed = (locale: Locale, names: readonly string[]): string =>
  names.join(locale === 'en' ? ', ' : '、');
type Catalog = typeof zhCN;

const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, en };

/** zh-CN unless the request prefers English (Accept-Language: en…). */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/**
 * A parameter as the reader says it: a status or an action by its name in their language, an
 * amount (fen) in yuan; anything else as it is.
 */
function shown(locale: Locale, key: string, value: unknown): string {
  const terms: Record<string, string> = catalogs[locale].terms;
  if ((key === 'status' || key === 'action') && typeof value === 'string')
    return terms[`${key}.${value}`] ?? value;
  if (key === 'amount' && typeof value === 'number') return `¥${(value / 100).toFixed(2)}`;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

const fill = (locale: Locale, template: string, params: Record<string, unknown>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? `{${k}}` : shown(locale, k, v);
  });

export function errorMessage(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  const errors: Record<string, string> = catalogs[locale].errors;
  return fill(locale, errors[code] ?? code, params);
}

export function fieldMessage(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  const fields: Record<string, string> = catalogs[locale].fields;
  return fill(locale, fields[code] ?? fields.invalid ?? code, params);
}

/** A term of the domain by its key (`status.closed`, `majorReason.injury`) in the locale; the key when none. */
export const termName = (locale: Locale, key: string): string =>
  (catalogs[locale].terms as Record<string, string>)[key] ?? key;

/** The words of the public disclosure page and of the drafts it starts from (src/modules/disclosure). */
export const disclosureWords = (locale: Locale): Record<string, string> => catalogs[locale].disclosure;

/** The names of the early warnings' kinds and the sentences of what raised them (notices). */
export const warningWords = (locale: Locale): Record<string, string> => catalogs[locale].warnings;

/** A catalog text with its `{placeholders}` filled as they are. */
export const filled = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k])));
