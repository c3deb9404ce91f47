export { appendEvent, type NewEvent } from './append-event.js';
export { readStream } from './read-stream.js';
export { type ChainReport, verifyChain } from './verify-chain.js';
