export { drawSample, QUALITY_STREAM } from './draw-sample.js';
export { type StoredItem, weightedScore } from './scoring.js';
