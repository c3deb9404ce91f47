export { DISCLOSURE_STREAM } from './rules.js';
