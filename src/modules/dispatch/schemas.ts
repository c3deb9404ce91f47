import { type Static, Type } from 'typebox';
import { CHANNELS, PRIORITIES } from '../../domain/complaint-model.js';

export const ASSIGN_MODES = ['none', 'round_robin', 'least_loaded'] as const;

const words = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50, uniqueItems: true });

export const ConditionsBody = Type.Object(
  {
    categoryId: Type.Optional(Type.Integer({ minimum: 1, description: 'the category and its subtree' })),
    unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'filed against this unit or below' })),
    regions: Type.Optional(words),
    channels: Type.Optional(Type.Array(Type.Enum(CHANNELS), { uniqueItems: true })),
    priorities: Type.Optional(Type.Array(Type.Enum(PRIORITIES), { uniqueItems: true })),
    keywords: Type.Optional(words),
  },
  { additionalProperties: false },
);

export const RuleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    position: Type.Integer({ minimum: 0 }),
    conditions: ConditionsBody,
    unitId: Type.Integer({ minimum: 1, description: 'the responsible unit the rule picks' }),
    assign: Type.Optional(Type.Enum(ASSIGN_MODES)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleBody>;

export const DispatchRuleSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  position: Type.Integer(),
  active: Type.Boolean(),
  conditions: ConditionsBody,
  unitId: Type.Integer(),
  assign: Type.Enum(ASSIGN_MODES),
});
export type DispatchRuleView = Static<typeof DispatchRuleSchema>;
export type Conditions = Static<typeof ConditionsBody>;
