export { type AttachedPlaybook, attachPlaybooks } from './attach-playbooks.js';
export { assertRequiredStepsDone } from './checklist.js';
