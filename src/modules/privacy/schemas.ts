import { type Static, Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';

export const PrivacySettingsSchema = Type.Object(
  {
    personalDataRoles: Type.Array(Type.Enum(ROLES), {
      uniqueItems: true,
      description: 'roles that see phone numbers and e-mail addresses unmasked; each such view is recorded',
    }),
  },
  { additionalProperties: false },
);
export type PrivacySettings = Static<typeof PrivacySettingsSchema>;
