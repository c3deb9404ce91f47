export { createParty, PARTY_STREAM, updateParty } from './manage-parties.js';
export { getParty, listParties, lookupPeople } from './queries.js';
export { partyRoutes } from './routes.js';
export { PARTY_KINDS } from './schemas.js';
