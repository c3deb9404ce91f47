import { type Static, Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';

/** The roles that may approve remedies alone, up to their limit. */
export const APPROVING_ROLES = ['agent', 'handler', 'supervisor', 'manager', 'executive'] as const;
export const MAJOR_APPROVERS = ['supervisor', 'manager', 'executive'] as const;

const Limit = Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]));
const limitsOf = (roles: readonly string[], description: string) =>
  Type.Object(Object.fromEntries(roles.map((r) => [r, Limit])), { additionalProperties: false, description });

export const AuthorityLimitsBody = Type.Object(
  {
    limits: limitsOf(APPROVING_ROLES, 'fen per role; null: no limit; roles left out approve nothing'),
    majorApprover: Type.Enum(MAJOR_APPROVERS),
  },
  { additionalProperties: false },
);
export const AuthorityLimitsSchema = Type.Object({
  limits: limitsOf(ROLES, 'fen per role; null: no limit; roles left out approve nothing'),
  majorApprover: Type.Enum(ROLES, {
    description: 'the lowest role that may approve a major complaint’s remedy',
  }),
});

export const DuplicateSettingsSchema = Type.Object(
  {
    windowDays: Type.Integer({
      minimum: 1,
      maximum: 365,
      description: 'how far back the same customer or waybill makes a repeat complaint',
    }),
  },
  { additionalProperties: false },
);
export type DuplicateSettingsView = Static<typeof DuplicateSettingsSchema>;
