export {
  addEvidence,
  addEvidenceUploads,
  type EvidenceSource,
  insertEvidence,
  type UploadPart,
} from './add-evidence.js';
export { attachment, multipartUploads, sendEvidence } from './http-evidence.js';
export { type EvidenceItem, listEvidence, openEvidence } from './queries.js';
export {
  DEFAULT_EVIDENCE_SETTINGS,
  EVIDENCE_SETTING,
  type EvidenceSettings,
  readEvidenceSettings,
} from './settings.js';
export { type EvidenceStore, evidenceStore, LocalEvidenceStore } from './store.js';
export { type ContentContext, type StoredContent, storeContent } from './store-content.js';
