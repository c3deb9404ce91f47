import type { Level } from '../../../../../src/modules/customers/levels';

export { LEVELS } from '../../../../../src/modules/customers/levels';
export type { Level };

/** The tag colour of a customer level; a regular customer carries none. */
export const LEVEL_COLOR: Record<Level, string | undefined> = { regular: undefined, vip: 'gold', key: 'red' };

/** Who may open a customer's profile (GET /customers/:id). */
export const CUSTOMER_READERS = [
  'agent',
  'handler',
  'supervisor',
  'manager',
  'executive',
  'auditor',
] as const;
