import type { Db, Tx } from '../../db/database.js';
import { readSetting } from '../settings/index.js';

export interface EvidenceSettings {
  /** The largest file accepted as evidence, in bytes. */
  maxBytes: number;
}

export const EVIDENCE_SETTING = 'evidence';

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = { maxBytes: 20 * 1024 * 1024 };

/** The upload route's own ceiling (the multipart plugin's file limit in server/app.ts). */
export const EVIDENCE_MAX_BYTES_CEILING = 100 * 1024 * 1024;

export async function readEvidenceSettings(db: Db | Tx): Promise<EvidenceSettings> {
  return {
    ...DEFAULT_EVIDENCE_SETTINGS,
    ...(await readSetting(db, EVIDENCE_SETTING, DEFAULT_EVIDENCE_SETTINGS)),
  };
}
