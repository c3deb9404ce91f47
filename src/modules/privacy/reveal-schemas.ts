import { Type } from 'typebox';

/** `?reveal=true`: the contract's query of reads that may show personal data unmasked. Pure (the console imports it). */
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
