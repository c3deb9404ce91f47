import { Type } from 'typebox';

/** `?reveal=true`: personal data unmasked, for a role that may see it (pure: the contract imports it). */
export const RevealQuery = Type.Object(
  {
    reveal: Type.Optional(
      Type.Boolean({
        description: 'show phone numbers and e-mail addresses unmasked (recorded in the history)',
      }),
    ),
  },
  { additionalProperties: false },
);
