import type { Db, Tx } from '../../db/database.js';
import { readSetting } from '../settings/index.js';

export interface EvidenceSettings {
  /** The largest file accepted as evidence, in bytes. */
  maxBytes: number;
}

export const EVIDENCE_SETTING = 'evidence';

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = { maxBytes: 20 * 1024 * 1024 };

export { EVIDENCE_MAX_BYTES_CEILING } from './settings-schemas.js';

export async function readEvidenceSettings(db: Db | Tx): Promise<EvidenceSettings> {
  return {
    ...DEFAULT_EVIDENCE_SETTINGS,
    ...(await readSetting(db, EVIDENCE_SETTING, DEFAULT_EVIDENCE_SETTINGS)),
  };
}
