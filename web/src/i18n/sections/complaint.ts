/** UI text of the complaint pages: zh-CN first; en has every key (the type checks it). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
