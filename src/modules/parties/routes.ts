import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { partyEndpoints as endpoints } from './endpoints.js';
import { createParty, updateParty } from './manage-parties.js';
import { getParty, listParties, lookupPeople } from './queries.js';

export function partyRoutes(http: Http, app: AppContext): void {
  route(http, endpoints.listParties, async (req) => listParties(actorContext(app, req), req.query));
  route(http, endpoints.createParty, async (req) => {
    const ctx = actorContext(app, req);
    return getParty(ctx, await createParty(ctx, req.body));
  });
  route(http, endpoints.updateParty, async (req) => {
    const ctx = actorContext(app, req);
    await updateParty(ctx, req.params.id, req.body);
    return getParty(ctx, req.params.id);
  });
  route(http, endpoints.lookupPeople, async (req) => lookupPeople(actorContext(app, req), req.query));
}
