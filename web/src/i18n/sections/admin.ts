/** UI text of the admin pages: zh-CN first; en has every key (the type checks it). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
