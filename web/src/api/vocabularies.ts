// The API's vocabularies come from the server's own pure model, so that the two cannot drift apart.

export * from '../../../src/domain/complaint-model';
export { PHONE_PATTERN } from '../../../src/lib/contact';
export { COST_BEARERS, FULFILLED_KINDS, PROOF_FIELD } from '../../../src/modules/complaints/fulfilment';
