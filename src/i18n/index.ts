import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

export type Locale = 'zh-CN' | 'en';
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

const fill = (template: string, params: Record<string, unknown>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? `{${k}}` : Array.isArray(v) ? v.join(', ') : String(v);
  });

export function errorMessage(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  const errors: Record<string, string> = catalogs[locale].errors;
  return fill(errors[code] ?? code, params);
}

export function fieldMessage(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  const fields: Record<string, string> = catalogs[locale].fields;
  return fill(fields[code] ?? fields.invalid ?? code, params);
}
