import { Compile } from 'typebox/compile';
import type { AppContext } from '../../context.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { requireAdmin } from '../org/index.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { type ChannelSettings, mergeChannelSecrets, redact } from './channel-settings.js';
import { notifyEndpoints } from './endpoints.js';
import { listTemplates, saveTemplate } from './manage-templates.js';
import { channelSettingsSchema } from './schemas.js';

/** What is stored once the secrets sent back as the mark are merged in. */
const strictChannelSettings = Compile(channelSettingsSchema(false));

export function notifyRoutes(http: Http, app: AppContext): void {
  route(http, notifyEndpoints.listTemplates, async (req) => ({
    items: await listTemplates(actorContext(app, req)),
  }));
  route(http, notifyEndpoints.saveTemplate, async (req) =>
    saveTemplate(actorContext(app, req), req.params, req.body),
  );
  route(http, notifyEndpoints.getChannels, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    return redact(await readSetting<ChannelSettings>(app.db, 'notify_channels', {}));
  });
  route(http, notifyEndpoints.saveChannels, async (req) => {
    const ctx = actorContext(app, req);
    requireAdmin(ctx.actor);
    const stored = await readSetting<ChannelSettings>(app.db, 'notify_channels', {});
    const next = mergeChannelSecrets(req.body, stored);
    if (!strictChannelSettings.Check(next)) {
      const problems: FieldProblem[] = [...strictChannelSettings.Errors(next)].map((e) => ({
        path: e.instancePath,
        code: e.keyword,
      }));
      throw badRequest('validation_failed', problems);
    }
    return redact(await writeSetting<ChannelSettings>(ctx, 'notify_channels', next, {}));
  });
}
