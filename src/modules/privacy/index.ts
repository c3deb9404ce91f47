export * from './personal-data.js';
export * from './pii.js';
