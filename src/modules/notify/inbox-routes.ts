import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { listInbox, markRead } from './inbox.js';
import { inboxEndpoints } from './inbox-endpoints.js';

/** 站内信: the signed-in user's own notices. */
export function inboxRoutes(http: Http, app: AppContext): void {
  route(http, inboxEndpoints.list, async (req) =>
    listInbox(actorContext(app, req), {
      unreadOnly: req.query.unread,
      limit: req.query.limit,
      before: req.query.before,
    }),
  );
  route(http, inboxEndpoints.read, async (req) => ({
    updated: await markRead(actorContext(app, req), req.params.id),
  }));
  route(http, inboxEndpoints.readAll, async (req) => ({
    updated: await markRead(actorContext(app, req), null),
  }));
}
