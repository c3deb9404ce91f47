/** 客户等级: pure, so that the console takes the same list. */
export const LEVELS = ['regular', 'vip', 'key'] as const;
export type Level = (typeof LEVELS)[number];
