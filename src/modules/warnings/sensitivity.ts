/** How readily a scope's spike is raised: the tail probability a day must fall below. */
export const SENSITIVITIES = ['low', 'normal', 'high'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
export const ALPHA: Record<Sensitivity, number> = { low: 1e-4, normal: 1e-2, high: 3e-2 };
