import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { writeSetting } from '../settings/index.js';
import { approveExtension, refuseExtension, requestExtension } from './extend-deadlines.js';
import { extensionEndpoints as endpoints } from './extension-endpoints.js';
import type { ExtensionSettings, ProgressSettings } from './extension-schemas.js';
import {
  DEFAULT_EXTENSION_SETTINGS,
  DEFAULT_PROGRESS_SETTINGS,
  EXTENSION_SETTING,
  extensionSettings,
  PROGRESS_SETTING,
  progressSettings,
} from './extension-settings.js';
import { listExtensions, pendingExtensions } from './list-extensions.js';

export function extensionRoutes(http: Http, app: AppContext): void {
  route(http, endpoints.listExtensions, async (req) =>
    listExtensions(actorContext(app, req), req.params.number),
  );
  route(http, endpoints.requestExtension, async (req) => {
    const ctx = actorContext(app, req);
    await requestExtension(ctx, req.params.number, req.body);
    return listExtensions(ctx, req.params.number);
  });
  route(http, endpoints.approveExtension, async (req) => {
    const ctx = actorContext(app, req);
    await approveExtension(ctx, req.params.number, req.params.id, req.body.comment ?? null);
    return listExtensions(ctx, req.params.number);
  });
  route(http, endpoints.refuseExtension, async (req) => {
    const ctx = actorContext(app, req);
    await refuseExtension(ctx, req.params.number, req.params.id, req.body.comment);
    return listExtensions(ctx, req.params.number);
  });
  route(http, endpoints.pendingExtensions, async (req) => pendingExtensions(actorContext(app, req)));

  route(http, endpoints.getExtensionSettings, async (req) => {
    actorContext(app, req);
    return extensionSettings(app.db);
  });
  route(http, endpoints.saveExtensionSettings, async (req) =>
    writeSetting<ExtensionSettings>(
      actorContext(app, req),
      EXTENSION_SETTING,
      req.body,
      DEFAULT_EXTENSION_SETTINGS,
    ),
  );
  route(http, endpoints.getProgressSettings, async (req) => {
    actorContext(app, req);
    return progressSettings(app.db);
  });
  route(http, endpoints.saveProgressSettings, async (req) =>
    writeSetting<ProgressSettings>(
      actorContext(app, req),
      PROGRESS_SETTING,
      req.body,
      DEFAULT_PROGRESS_SETTINGS,
    ),
  );
}
