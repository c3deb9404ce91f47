/** UI text of the register pages: zh-CN first; en has every key (the type checks it). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
