import { Type } from 'typebox';

export const BackupSettingsSchema = Type.Object(
  {
    enabled: Type.Boolean({ description: 'make a backup every day' }),
    timeOfDay: Type.String({
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description: 'when, HH:MM in the business time zone',
    }),
    directory: Type.String({
      maxLength: 1000,
      pattern: '^(/.*)?$',
      description: 'an absolute directory for the archives; empty: <data dir>/backups',
    }),
    keep: Type.Integer({
      minimum: 1,
      maximum: 365,
      description: 'how many archives to keep; older ones are deleted',
    }),
  },
  { additionalProperties: false },
);

export const BackupListSchema = Type.Object({
  directory: Type.String({ description: 'where the archives are written' }),
  items: Type.Array(
    Type.Object({
      file: Type.String(),
      size: Type.Integer({ description: 'bytes' }),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
