// The API's vocabularies come from the server's own pure model, so that the two cannot drift apart.

export { PHONE_PATTERN } from '../../../src/lib/contact';
export * from '../../../src/modules/complaints/model';
