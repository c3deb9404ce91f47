/** The languages a person may be written to in, each named in itself (the same in both consoles). */
export const LANGUAGE_OPTIONS = [
  { value: 'zh-CN' as const, label: '中文' },
  { value: 'en' as const, label: 'English' },
];
