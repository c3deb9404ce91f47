import { Type } from 'typebox';

/** The upload route's own ceiling (the multipart plugin's file limit in server/app.ts). */
export const EVIDENCE_MAX_BYTES_CEILING = 100 * 1024 * 1024;

export const EvidenceSettingsSchema = Type.Object(
  {
    maxBytes: Type.Integer({
      minimum: 1,
      maximum: EVIDENCE_MAX_BYTES_CEILING,
      description: 'the largest file accepted as evidence, in bytes',
    }),
  },
  { additionalProperties: false },
);
