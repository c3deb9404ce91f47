export { appendEvent, type NewEvent } from './append-event.js';
export { type ChainReport, verifyChain } from './verify-chain.js';
