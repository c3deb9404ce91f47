export { checkSecretKey, keyFingerprint } from './key-fingerprint.js';
export * from './personal-data.js';
export * from './pii.js';
export { RevealQuery } from './reveal-schemas.js';
export { sealLegacyPersonalData } from './seal-legacy.js';
